import { describe, expect, it } from 'vitest';
import { normaliseRegistration, validateRegistration } from './registration.ts';

// 11010519491231002X is the worked example of GB 11643-1999.
const VALID = {
  username: 'zhang.san',
  password: 'a long enough password',
  name: '张三',
  idNumber: '11010519491231002X',
  phone: '13800138000',
};

describe('resident registration checks', () => {
  it('accepts a complete, well-formed registration', () => {
    expect(validateRegistration(VALID)).toEqual({});
  });

  it('refuses an impossible birth date even with a matching check character', () => {
    // 19490231: there is no 31 February.
    expect(validateRegistration({ ...VALID, idNumber: '110105194902310026' }).idNumber).toBe(
      'idNumberChecksum',
    );
  });

  it('reads a lower-case x as the check character X', () => {
    expect(validateRegistration({ ...VALID, idNumber: '11010519491231002x' })).toEqual({});
    expect(normaliseRegistration({ ...VALID, idNumber: ' 11010519491231002x ' }).idNumber).toBe(
      '11010519491231002X',
    );
  });

  it('names one problem per field', () => {
    expect(
      validateRegistration({
        username: 'a',
        password: 'short',
        name: '张',
        idNumber: '1234',
        phone: '12800138000',
      }),
    ).toEqual({
      username: 'usernameFormat',
      password: 'passwordTooShort',
      name: 'nameTooShort',
      idNumber: 'idNumberFormat',
      phone: 'phoneFormat',
    });
  });

  it('tells a wrong check character apart from a wrong shape', () => {
    expect(validateRegistration({ ...VALID, idNumber: '110105194912310021' })).toEqual({
      idNumber: 'idNumberChecksum',
    });
  });

  it('wants a password of at least 10 characters', () => {
    expect(validateRegistration({ ...VALID, password: '123456789' }).password).toBe('passwordTooShort');
    expect(validateRegistration({ ...VALID, password: '1234567890' }).password).toBeUndefined();
  });

  it('accepts usernames the server accepts, such as one starting with a dot', () => {
    expect(validateRegistration({ ...VALID, username: '.zhang-san_1' }).username).toBeUndefined();
    expect(validateRegistration({ ...VALID, username: 'zhang san' }).username).toBe('usernameFormat');
  });

  it('reports empty fields as required', () => {
    expect(validateRegistration({ username: '', password: '', name: '', idNumber: '', phone: '' })).toEqual({
      username: 'usernameRequired',
      password: 'passwordRequired',
      name: 'nameRequired',
      idNumber: 'idNumberRequired',
      phone: 'phoneRequired',
    });
  });
});
