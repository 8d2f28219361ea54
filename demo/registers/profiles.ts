// A few facts fixed for the named demo residents so that the demo tour has something to show
// (张三 drives and has a child at primary school); everyone else is left to chance. The ID
// numbers are those demo/population.ts gives the named residents (a unit test keeps them equal).
export interface DemoProfile {
  driver?: boolean;
  car?: boolean;
  violations?: number;
  children?: number;
}

export const DEMO_PROFILES: Record<string, DemoProfile> = {
  // 张三 (demo-resident)
  '310109198503121018': { driver: true, car: true, violations: 3, children: 1 },
};
