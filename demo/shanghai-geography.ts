// Shanghai's 16 districts and their subdistricts (街道) and towns (镇/乡), as the demo city.
// Codes follow GB/T 2260 for districts; street codes are district code + a 3-digit sequence.

export interface DemoDistrict {
  code: string;
  nameZh: string;
  nameEn: string;
  /** "中文|Pinyin" pairs; names ending in 镇 or 乡 are towns, the rest subdistricts. */
  streets: string[];
}

export const SHANGHAI_DISTRICTS: DemoDistrict[] = [
  {
    code: '310101',
    nameZh: '黄浦区',
    nameEn: 'Huangpu District',
    streets: [
      '南京东路街道|Nanjing East Road',
      '外滩街道|The Bund',
      '半淞园路街道|Bansongyuan Road',
      '小东门街道|Xiaodongmen',
      '豫园街道|Yuyuan',
      '老西门街道|Laoximen',
      '五里桥街道|Wuliqiao',
      '打浦桥街道|Dapuqiao',
      '淮海中路街道|Huaihai Middle Road',
      '瑞金二路街道|Ruijin No.2 Road',
    ],
  },
  {
    code: '310104',
    nameZh: '徐汇区',
    nameEn: 'Xuhui District',
    streets: [
      '天平路街道|Tianping Road',
      '湖南路街道|Hunan Road',
      '斜土路街道|Xietu Road',
      '枫林路街道|Fenglin Road',
      '长桥街道|Changqiao',
      '田林街道|Tianlin',
      '虹梅路街道|Hongmei Road',
      '康健新村街道|Kangjian Xincun',
      '徐家汇街道|Xujiahui',
      '凌云路街道|Lingyun Road',
      '龙华街道|Longhua',
      '漕河泾街道|Caohejing',
      '华泾镇|Huajing',
    ],
  },
  {
    code: '310105',
    nameZh: '长宁区',
    nameEn: 'Changning District',
    streets: [
      '华阳路街道|Huayang Road',
      '江苏路街道|Jiangsu Road',
      '新华路街道|Xinhua Road',
      '周家桥街道|Zhoujiaqiao',
      '天山路街道|Tianshan Road',
      '仙霞新村街道|Xianxia Xincun',
      '虹桥街道|Hongqiao',
      '程家桥街道|Chengjiaqiao',
      '北新泾街道|Beixinjing',
      '新泾镇|Xinjing',
    ],
  },
  {
    code: '310106',
    nameZh: '静安区',
    nameEn: "Jing'an District",
    streets: [
      '江宁路街道|Jiangning Road',
      '石门二路街道|Shimen No.2 Road',
      '南京西路街道|Nanjing West Road',
      "静安寺街道|Jing'an Temple",
      '曹家渡街道|Caojiadu',
      '天目西路街道|Tianmu West Road',
      '北站街道|Beizhan',
      '宝山路街道|Baoshan Road',
      '芷江西路街道|Zhijiang West Road',
      '共和新路街道|Gonghe Xinlu',
      '大宁路街道|Daning Road',
      '彭浦新村街道|Pengpu Xincun',
      '临汾路街道|Linfen Road',
      '彭浦镇|Pengpu',
    ],
  },
  {
    code: '310107',
    nameZh: '普陀区',
    nameEn: 'Putuo District',
    streets: [
      '曹杨新村街道|Caoyang Xincun',
      '长风新村街道|Changfeng Xincun',
      '长寿路街道|Changshou Road',
      '甘泉路街道|Ganquan Road',
      '石泉路街道|Shiquan Road',
      '宜川路街道|Yichuan Road',
      '万里街道|Wanli',
      '真如镇街道|Zhenru Town',
      '长征镇|Changzheng',
      '桃浦镇|Taopu',
    ],
  },
  {
    code: '310109',
    nameZh: '虹口区',
    nameEn: 'Hongkou District',
    streets: [
      '欧阳路街道|Ouyang Road',
      '曲阳路街道|Quyang Road',
      '广中路街道|Guangzhong Road',
      '嘉兴路街道|Jiaxing Road',
      '凉城新村街道|Liangcheng Xincun',
      '四川北路街道|North Sichuan Road',
      '北外滩街道|North Bund',
      '江湾镇街道|Jiangwan Town',
    ],
  },
  {
    code: '310110',
    nameZh: '杨浦区',
    nameEn: 'Yangpu District',
    streets: [
      '定海路街道|Dinghai Road',
      '平凉路街道|Pingliang Road',
      '江浦路街道|Jiangpu Road',
      '四平路街道|Siping Road',
      '控江路街道|Kongjiang Road',
      '长白新村街道|Changbai Xincun',
      '延吉新村街道|Yanji Xincun',
      '殷行街道|Yinhang',
      '大桥街道|Daqiao',
      '五角场街道|Wujiaochang',
      '新江湾城街道|Xinjiangwancheng',
      '长海路街道|Changhai Road',
    ],
  },
  {
    code: '310112',
    nameZh: '闵行区',
    nameEn: 'Minhang District',
    streets: [
      '江川路街道|Jiangchuan Road',
      '古美街道|Gumei',
      '新虹街道|Xinhong',
      '浦锦街道|Pujin',
      '莘庄镇|Xinzhuang',
      '七宝镇|Qibao',
      '颛桥镇|Zhuanqiao',
      '华漕镇|Huacao',
      '虹桥镇|Hongqiao',
      '梅陇镇|Meilong',
      '吴泾镇|Wujing',
      '马桥镇|Maqiao',
      '浦江镇|Pujiang',
    ],
  },
  {
    code: '310113',
    nameZh: '宝山区',
    nameEn: 'Baoshan District',
    streets: [
      '吴淞街道|Wusong',
      '张庙街道|Zhangmiao',
      '友谊路街道|Youyi Road',
      '月浦镇|Yuepu',
      '罗店镇|Luodian',
      '罗泾镇|Luojing',
      '顾村镇|Gucun',
      '大场镇|Dachang',
      '杨行镇|Yanghang',
      '淞南镇|Songnan',
      '高境镇|Gaojing',
      '庙行镇|Miaohang',
    ],
  },
  {
    code: '310114',
    nameZh: '嘉定区',
    nameEn: 'Jiading District',
    streets: [
      '新成路街道|Xincheng Road',
      '真新街道|Zhenxin',
      '嘉定镇街道|Jiading Town',
      '菊园新区|Juyuan New Area',
      '南翔镇|Nanxiang',
      '安亭镇|Anting',
      '马陆镇|Malu',
      '徐行镇|Xuhang',
      '华亭镇|Huating',
      '外冈镇|Waigang',
      '江桥镇|Jiangqiao',
    ],
  },
  {
    code: '310115',
    nameZh: '浦东新区',
    nameEn: 'Pudong New Area',
    streets: [
      '潍坊新村街道|Weifang Xincun',
      '陆家嘴街道|Lujiazui',
      '周家渡街道|Zhoujiadu',
      '塘桥街道|Tangqiao',
      '上钢新村街道|Shanggang Xincun',
      '南码头路街道|Nanmatou Road',
      '沪东新村街道|Hudong Xincun',
      '金杨新村街道|Jinyang Xincun',
      '洋泾街道|Yangjing',
      '浦兴路街道|Puxing Road',
      '东明路街道|Dongming Road',
      '花木街道|Huamu',
      '川沙新镇|Chuansha',
      '高桥镇|Gaoqiao',
      '北蔡镇|Beicai',
      '合庆镇|Heqing',
      '唐镇|Tang',
      '曹路镇|Caolu',
      '金桥镇|Jinqiao',
      '高行镇|Gaohang',
      '高东镇|Gaodong',
      '张江镇|Zhangjiang',
      '三林镇|Sanlin',
      '惠南镇|Huinan',
      '周浦镇|Zhoupu',
      '新场镇|Xinchang',
      '大团镇|Datuan',
      '康桥镇|Kangqiao',
      '航头镇|Hangtou',
      '祝桥镇|Zhuqiao',
      '泥城镇|Nicheng',
      '宣桥镇|Xuanqiao',
      '书院镇|Shuyuan',
      '万祥镇|Wanxiang',
      '老港镇|Laogang',
      '南汇新城镇|Nanhui New City',
    ],
  },
  {
    code: '310116',
    nameZh: '金山区',
    nameEn: 'Jinshan District',
    streets: [
      '石化街道|Shihua',
      '朱泾镇|Zhujing',
      '枫泾镇|Fengjing',
      '张堰镇|Zhangyan',
      '亭林镇|Tinglin',
      '吕巷镇|Lyuxiang',
      '廊下镇|Langxia',
      '金山卫镇|Jinshanwei',
      '漕泾镇|Caojing',
      '山阳镇|Shanyang',
    ],
  },
  {
    code: '310117',
    nameZh: '松江区',
    nameEn: 'Songjiang District',
    streets: [
      '岳阳街道|Yueyang',
      '永丰街道|Yongfeng',
      '方松街道|Fangsong',
      '中山街道|Zhongshan',
      '广富林街道|Guangfulin',
      '九里亭街道|Jiuliting',
      '泗泾镇|Sijing',
      '佘山镇|Sheshan',
      '车墩镇|Chedun',
      '新桥镇|Xinqiao',
      '洞泾镇|Dongjing',
      '九亭镇|Jiuting',
      '泖港镇|Maogang',
      '石湖荡镇|Shihudang',
      '新浜镇|Xinbang',
      '叶榭镇|Yexie',
      '小昆山镇|Xiaokunshan',
    ],
  },
  {
    code: '310118',
    nameZh: '青浦区',
    nameEn: 'Qingpu District',
    streets: [
      '夏阳街道|Xiayang',
      '盈浦街道|Yingpu',
      '香花桥街道|Xianghuaqiao',
      '朱家角镇|Zhujiajiao',
      '练塘镇|Liantang',
      '金泽镇|Jinze',
      '赵巷镇|Zhaoxiang',
      '徐泾镇|Xujing',
      '华新镇|Huaxin',
      '重固镇|Chonggu',
      '白鹤镇|Baihe',
    ],
  },
  {
    code: '310120',
    nameZh: '奉贤区',
    nameEn: 'Fengxian District',
    streets: [
      '西渡街道|Xidu',
      '奉浦街道|Fengpu',
      '金海街道|Jinhai',
      '南桥镇|Nanqiao',
      '奉城镇|Fengcheng',
      '庄行镇|Zhuanghang',
      '金汇镇|Jinhui',
      '四团镇|Situan',
      '青村镇|Qingcun',
      '柘林镇|Zhelin',
      '海湾镇|Haiwan',
    ],
  },
  {
    code: '310151',
    nameZh: '崇明区',
    nameEn: 'Chongming District',
    streets: [
      '城桥镇|Chengqiao',
      '堡镇|Baozhen',
      '新河镇|Xinhe',
      '庙镇|Miaozhen',
      '竖新镇|Shuxin',
      '向化镇|Xianghua',
      '三星镇|Sanxing',
      '港沿镇|Gangyan',
      '中兴镇|Zhongxing',
      '陈家镇|Chenjia',
      '绿华镇|Lyuhua',
      '港西镇|Gangxi',
      '建设镇|Jianshe',
      '新海镇|Xinhai',
      '东平镇|Dongping',
      '长兴镇|Changxing',
      '新村乡|Xincun',
      '横沙乡|Hengsha',
    ],
  },
];

export interface DemoStreet {
  code: string;
  districtCode: string;
  nameZh: string;
  nameEn: string;
  kind: 'street' | 'town';
}

/** Every street and town with its code and kind. */
export function demoStreets(): DemoStreet[] {
  return SHANGHAI_DISTRICTS.flatMap((district) =>
    district.streets.map((entry, index) => {
      const [nameZh = '', pinyin = ''] = entry.split('|');
      const isTown = /[镇乡]$/.test(nameZh) && !nameZh.endsWith('街道');
      const suffix = nameZh.endsWith('乡')
        ? 'Township'
        : isTown
          ? 'Town'
          : nameZh.endsWith('新区')
            ? ''
            : 'Subdistrict';
      return {
        code: `${district.code}${String(index + 1).padStart(3, '0')}`,
        districtCode: district.code,
        nameZh,
        nameEn: suffix ? `${pinyin} ${suffix}` : pinyin,
        kind: isTown ? 'town' : 'street',
      } satisfies DemoStreet;
    }),
  );
}

export function streetByName(nameZh: string, districtNameZh: string): DemoStreet {
  const district = SHANGHAI_DISTRICTS.find((d) => d.nameZh === districtNameZh);
  const street = demoStreets().find((s) => s.nameZh === nameZh && s.districtCode === district?.code);
  if (!street) throw new Error(`No demo street ${districtNameZh}${nameZh}`);
  return street;
}
