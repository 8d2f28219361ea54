// What people really type into a 一网通办 search box, and the service or bundle (by its Chinese
// name in the demo catalogue) they mean. Used by the quality test and the benchmark's query mix.

export type QueryStyle = 'short' | 'colloquial' | 'english' | 'typo' | 'mixed' | 'official';

export interface QualityQuery {
  query: string;
  /** nameZh of the expected service or bundle. */
  expected: string;
  style: QueryStyle;
}

function q(style: QueryStyle, query: string, expected: string): QualityQuery {
  return { query, expected, style };
}

export const SEARCH_QUALITY_QUERIES: QualityQuery[] = [
  // Two characters
  q('short', '社保', '社保缴费记录查询'),
  q('short', '医保', '医保信息查询'),
  q('short', '户口', '户口迁移（市内）'),
  q('short', '公积金', '公积金缴存明细查询'),
  q('short', '违章', '机动车违法查询'),
  q('short', '年检', '机动车检验标志核发'),
  q('short', '年报', '企业年度报告公示'),
  q('short', '工伤', '工伤认定申请'),
  q('short', '核名', '企业名称自主申报'),
  q('short', '过户', '机动车转移登记（过户）'),
  // Colloquial
  q('colloquial', '报户口', '新生儿出生登记（报户口）'),
  q('colloquial', '交通违章', '机动车违法查询'),
  q('colloquial', '查违章', '机动车违法查询'),
  q('colloquial', '换驾照', '驾驶证换证'),
  q('colloquial', '办营业执照', '企业设立登记'),
  q('colloquial', '交罚款', '交通违法罚款缴纳'),
  q('colloquial', '开公司', '企业设立登记'),
  q('colloquial', '身份证丢了', '居民身份证补领'),
  q('colloquial', '领失业金', '失业保险金申领'),
  q('colloquial', '提取公积金', '住房公积金提取（租房）'),
  q('colloquial', '医保余额', '医保个人账户余额查询'),
  q('colloquial', '新车上牌', '机动车注册登记'),
  q('colloquial', '驾照扣分', '驾驶证记分查询'),
  q('colloquial', '外地看病报销', '异地就医备案'),
  q('colloquial', '社保卡丢了', '社会保障卡挂失补换'),
  q('colloquial', '办居住证', '居住证办理'),
  q('colloquial', '注销公司', '企业注销登记'),
  q('colloquial', '开药店', '药品经营许可证核发（零售）'),
  q('colloquial', '电动车上牌', '电动自行车登记'),
  // English
  q('english', 'medical insurance', '医保信息查询'),
  q('english', 'housing fund withdrawal', '住房公积金提取（租房）'),
  q('english', 'traffic fine', '交通违法罚款缴纳'),
  q('english', 'residence permit', '居住证办理'),
  q('english', 'driving test', '机动车驾驶人考试预约'),
  q('english', 'unemployment benefit', '失业保险金申领'),
  q('english', 'social security card', '社会保障卡申领'),
  q('english', 'renew ID card', '居民身份证换领'),
  q('english', 'company registration', '企业设立登记'),
  q('english', 'pharmacy licence', '药品经营许可证核发（零售）'),
  // Typos
  q('typo', '公基金提取', '住房公积金提取（租房）'),
  q('typo', '医宝查询', '医保信息查询'),
  q('typo', 'medical insurence', '医保信息查询'),
  q('typo', 'unemployement benefit', '失业保险金申领'),
  q('typo', 'residance permit', '居住证办理'),
  q('typo', 'driving lisence', '驾驶证换证'),
  q('typo', '社宝卡', '社会保障卡申领'),
  q('typo', '居住正', '居住证办理'),
  // Mixed
  q('mixed', '社保 card', '社会保障卡申领'),
  q('mixed', '公积金 withdraw', '住房公积金提取（租房）'),
  q('mixed', '医保 balance', '医保个人账户余额查询'),
  q('mixed', 'ID card 补领', '居民身份证补领'),
  // Official names and parts of them
  q('official', '企业简易注销', '企业简易注销登记'),
  q('official', '食品经营许可证', '食品经营许可证核发'),
  q('official', '异地就医', '异地就医备案'),
  q('official', '长期护理保险', '长期护理保险需求评估申请'),
  q('official', '门诊大病', '门诊大病登记'),
  q('official', '人才引进落户', '人才引进落户'),
  q('official', '公积金贷款', '公积金贷款申请'),
  q('official', '养老保险转移', '养老保险关系转移接续'),
];
