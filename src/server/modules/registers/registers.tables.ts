/** The population register (人口库): authoritative, read through the registers module only. */
export interface PopulationRecordTable {
  idNumber: string;
  name: string;
  gender: 'male' | 'female';
  birthDate: string;
  districtCode: string;
  streetCode: string;
  address: string;
  householdAddress: string;
}
