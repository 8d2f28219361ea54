import {
  DEPARTMENT_SERVER_ARGS,
  DEPARTMENT_SERVER_USAGE,
  DepartmentUsageError,
  departmentServerOptions,
} from '../../demo/department-server/main.ts';
import { startDepartmentServer } from '../../demo/department-server/server.ts';
import { UsageError, type Command } from './command.ts';

export const departmentServerCommand: Command = {
  summary: 'Run the demo department system (social insurance over HTTP) on its own port',
  usage: DEPARTMENT_SERVER_USAGE,
  options: DEPARTMENT_SERVER_ARGS,
  async run({ values, positionals }) {
    if (positionals.length) throw new UsageError(`unexpected argument "${positionals.join(' ')}"`);
    let options;
    try {
      options = departmentServerOptions(values);
    } catch (error) {
      if (error instanceof DepartmentUsageError) throw new UsageError(error.message);
      throw error;
    }
    const server = await startDepartmentServer(options);
    process.stdout.write(`${JSON.stringify({ listening: server.url })}\n`);
    await new Promise<void>((resolve) => {
      const stop = () => void server.close().then(resolve);
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return 0;
  },
};
