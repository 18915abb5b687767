//! Sentence frames for the corpus generator, taken from the seed pages
//! (`data/corpus/`) with their names replaced by slots, and the word parts
//! that fill the slots which no lexicon holds (given-name characters, name
//! parts of companies and communities, project and document topics).
//!
//! Slots (`{…}`), filled per article by [`super::Article`]:
//!
//! | slot | example |
//! | --- | --- |
//! | `city` `city_short` `paper` | 潍坊市, 潍坊, 潍坊日报社 |
//! | `district` `dshort` `dcommittee` `dhead` | 奎文区, 奎文, 奎文区委, 区长 |
//! | `town` `community` `road` `road2` | 梨园街道, 新茂社区, 胜利街 |
//! | `bureau` `bureau_abbr` `branch` `branch_short` `section` | 潍坊市自然资源和规划局, 市自然资源和规划局 … |
//! | `bureau2` `dept_district` `party_city` | 潍坊市住房和城乡建设局, 奎文区行政审批服务局, 中共潍坊市委 |
//! | `company` `school` `org` `project` `project2` | …有限公司, …学校, …教育馆, …项目 |
//! | `doc` `doc2` `agreement` | 《…实施方案》, 《…协议书》 |
//! | `person` `person2` `person3` `reporter` `reporter2` | 王聪聪 |
//! | `year` `month` `day` `num` `dec` | 2023, 7, 14, 36, 12.05 |

/// Opening sentences of an article: they name the main body in full.
pub(crate) const OPENINGS: &[&str] = &[
    "为了保障{district}经济社会发展，坚持节约集约利用土地，全力做好自然资源要素用地保障，{year}年上半年，{branch}认真做好土地征收、成片开发方案编制等工作。",
    "近期，{bureau}联合{branch_short}现场办公，实地了解{project}规划建设情况以及规划过程中存在的问题、难点，并对建设工程设计方案进行了认真梳理、讨论分析，提出了切实可行的修改建议，为项目建设奠定了良好的基础。",
    "为有效提升党组织建设水平，探索党建工作有机融合新路径，实现以党建共建凝聚合力，{month}月{day}日，{branch}与{org}党支部、{town}{community}党委共同开展联合主题党日暨“党建共建”签约仪式。",
    "今年以来，{bureau_abbr}认真贯彻市委差异化考核部署要求，牢固树立实干实绩工作导向，把差异化考核作为干部管理的“新引擎”，全力推动各项工作争一流、争第一。",
    "为进一步巩固国家卫生城市工作开展成果，大力弘扬奉献、友爱、互助、进步的志愿精神，{branch}充分发挥党员参与社区建设，扎实推进“双报到”活动深入开展，持续推动文明实践志愿服务制度化、常态化。",
    "{year}年，{district}坚持生态优先、绿色发展的理念，高度重视野生鸟类保护工作，积极开展打击非法猎捕交易食用野生鸟类专项行动，促进人与鸟类和谐共处。",
    "为破解基层规划专业技术力量不足、规划落地“最后一公里”难等问题，{year}年{month}月{day}日，{city}政府办公室印发{doc}，将全生命周期理念贯穿国土空间规划的各个环节。",
    "古树名木被称为“活化石”“活文物”，具有十分重要的历史、文化、科学、经济和生态价值。近年来，{branch}按照省、市各级关于古树名木保护管理相关要求开展保护工作。",
    "{year}年，{bureau}坚持要素跟着项目走，统筹安排用地指标，拓展资源供给新思路，优化提升服务效能，为全市重点项目建设提供了强有力的土地资源要素保障。",
    "今年以来，{dept_district}加强精神文明创建工作，从修缮自身到照耀社会，用一项项制度，一次次举动，把文明的种子播撒到全社会。",
];

/// Body sentences: short forms, relations and places.
pub(crate) const BODY: &[&str] = &[
    "{branch_short}推进{year}年土地征收成片开发方案确定地块的征收工作。",
    "其中，{project}面积{dec}亩省厅已批复，优先保障了教育用地，有力推动了教育事业健康发展。",
    "为充分压缩征地时间，{branch_short}提前对接{town}、被征地村，就有关协议签订、征地范围确定、是否涉及违法用地等事项进行对接，涉及事项提前解决。",
    "按照市局要求，{branch_short}以{district}绿化委员会办公室的名义印发了{doc}的通知，明确了区级领导分别包靠保护工作。",
    "{year}年{month}月，位于{town}{community}的二级古树国槐的一根主干遭大风摧折。",
    "{branch_short}{section}联合区园林环卫部门对影响居民安全的部分枝干进行修剪。",
    "为精准落实“拿地即开工”机制，靠前服务，{branch_short}会同{dept_district}对{school}、{company}等多家建设单位开展上门指导。",
    "在与会人员的共同见证下，三方签订{agreement}，开启下一步党建共建和深度合作的新篇章。",
    "{branch_short}与{company}签订{agreement}，明确双方责任义务，共同推进{project}建设。",
    "该局精准设置考核内容，针对科室单位特性和工作任务共性，制发{doc}，设置考核指标{num}项。",
    "此外，该局还印发了{doc}，对加强城市景观风貌管理，改善空间品质将发挥重要的作用。",
    "同时，{dept_district}全面推进{project2}，计划总投资{num}亿元，年内完成主体工程。",
    "{company}位于{town}，主要承担{project}的建设任务。",
    "该地块位于{road}以东、{road2}以北，面积{dec}亩，由{company}竞得。",
    "{year}年，全市共批复增减挂钩项目{num}个，批复拆旧复垦规模{dec}亩，同比增长{dec}%。",
    "{month}月{day}日，市长、市总林长{person}到{district}{town}开展巡林活动。",
    "{dcommittee}副书记、{dhead}{person2}到{project}现场调研，要求加快推进项目建设。",
    "{bureau}党组书记、局长{person3}带队到{branch_short}调研指导工作。",
    "座谈会上，{town}党工委书记{person}介绍了{community}网格化治理的做法。",
    "{bureau_abbr}联合{bureau2}、{dept_district}对{town}重点区域开展起底式、拉网式排查，共出动执法人员{num}人次。",
    "{party_city}组织部、{bureau_abbr}共同印发{doc2}，进一步规范干部考核管理。",
    "{branch_short}坚持“要素跟着项目走”，主动与相关部门、单位对接，及时协调解决{project}建设中的各种问题。",
    "{school}位于{district}{road}，{branch_short}{section}利用节假日出动吊车和技术人员，对校内的古树名木进行修剪。",
    "结合亟需落地项目和有关规划情况，该局新编{town}街区详细规划，为城市高质量发展塑造新优势。",
    "{org}与{community}结对共建，定期开展党群工作交流，互学党群工作经验。",
    "{district}共有在建项目{num}个，{branch_short}严格落实监管项目由专人负责、动态巡查制度。",
];

/// Sentences without names, as the seeds have between the named ones.
pub(crate) const FILLER: &[&str] = &[
    "土地征收工作程序复杂，环节较多，涉及财政、人社、街道等多个部门，且需逐级报省审批，历时较长。",
    "坚持问题导向，明确赶超措施，完善调度、督查、点评、考核、通报等推进机制，使工作不断向赶超目标发力。",
    "目前，该编制工作已形成初步方案。",
    "尽力缩短用地报批周期，以最快速度、最短时间、最好服务让项目获得最优的土地要素保障。",
    "持续优化审批流程，采取提前介入、容缺受理、压茬推进、并联审批、集中会商等方式，最大限度压缩建设用地报批时间。",
    "通过活动的主题激励人、活动的精神塑造人、活动的氛围凝聚人，进一步推动党建品牌建设。",
    "编制完成后，将报区政府召开论证会议，通过后上报审查。",
    "全年共争取新增用地指标{num}亩，安排使用{num}亩保障全县重点项目落地建设。",
    "既保证了古树名木的正常生长，也解除了枝干坠落风险，受到了群众的好评。",
    "进一步压缩业务办理时限，区分不同业务类型实行限时办结，群众办证满意度持续提升。",
];

/// Closing quotations with the speaker's post.
pub(crate) const CLOSINGS: &[&str] = &[
    "“作风建设永远在路上。必须始终以实实在在的工作和发展成效体现‘作风建设年’的成果。”{dcommittee}副书记、{dhead}{person2}说。",
    "“规划建设，要打造区域重要金融产业聚集区及高端商务区。”{dcommittee}书记{person}说。",
    "“下一步，我们将继续深化改革，推动工作再上新台阶。”{branch_short}负责人{person3}表示。",
    "下一步，{bureau_abbr}将持续创新改革，推动各项工作便利化再上新台阶。",
];

/// Headlines (short, unpunctuated).
pub(crate) const HEADLINES: &[&str] = &[
    "{branch}多措并举保障项目用地需求",
    "{branch}全方位做好保护管理",
    "{bureau}切实提升窗口服务质效",
    "{district}：以作风建设促新一轮发展",
    "{branch}凝聚三方合力绘就同心圆",
    "{bureau_abbr}汇聚要素保障合力",
    "{district}开展保护鸟类专项整治行动",
    "{branch}加强在建项目批后监管效力",
];

/// Internal units (科室) of a bureau or branch.
pub(crate) const SECTIONS: &[&str] = &[
    "林草科",
    "用途科",
    "耕保科",
    "财务科",
    "许可科",
    "建设科",
    "规划科",
    "法规科",
    "办公室",
    "执法大队",
    "登记科",
    "测绘科",
];

/// Departments that have district branches (分局) in the seeds' style.
pub(crate) const BRANCH_DEPTS: &[&str] = &[
    "自然资源和规划局",
    "公安局",
    "生态环境局",
    "税务局",
    "市场监督管理局",
    "自然资源局",
];

/// Characters of given names.
pub(crate) const GIVEN: &str = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红兰飞建国志新海峰鹏辉文斌宇浩凯俊帆琳晶丹雪梅莉婷慧颖倩聪凤金春燕素荣昌林东全良向亚茹法第士刚岑晓晨宁冠群观绪祥浩然思远嘉怡子涵欣悦佳琪雨泽博成";

/// Characters of company, community and project names.
pub(crate) const NAME_CHARS: &str = "华鑫泰瑞丰源德润康盛达嘉宏远通成安昌兴利恒汇金正信和诚益创祥顺海天永银博立景茂宁福乐富民阳光明星辰星月翠柳松竹梅兰清泉水云山";

/// Industry words of company names (…有限公司).
pub(crate) const INDUSTRIES: &[&str] = &[
    "置业",
    "建设工程",
    "智能制造",
    "环保科技",
    "农业发展",
    "实业",
    "物流",
    "城市建设投资",
    "生物科技",
    "新材料",
];

/// Heads of organisation names that are no companies.
pub(crate) const ORG_HEADS: &[&str] = &[
    "党史教育馆",
    "规划设计研究院",
    "中心医院",
    "职业技术学院",
    "农民专业合作社",
    "商会",
];

/// Heads of schools.
pub(crate) const SCHOOL_HEADS: &[&str] = &["小学", "中学", "实验学校", "学校"];

/// Project themes (the project name is place or name + theme + 项目).
pub(crate) const PROJECT_THEMES: &[&str] = &[
    "片区城市更新",
    "老旧小区改造",
    "生态修复",
    "土地综合整治",
    "污水处理厂建设",
    "安置房建设",
    "道路提升改造",
    "产业园建设",
    "湿地公园建设",
    "棚户区改造",
    "高标准农田建设",
    "增减挂钩",
];

/// Document topics.
pub(crate) const DOC_TOPICS: &[&str] = &[
    "古树名木保护",
    "耕地保护",
    "城市更新",
    "不动产登记",
    "责任规划师制度",
    "差异化考核",
    "违法建设治理",
    "地质灾害防治",
    "林长制",
    "设施农用地管理",
    "城市景观风貌管理",
    "国土空间规划",
    "文明单位创建",
    "野生动物保护",
    "建设项目规划管理",
];

/// Document forms: `{c}` is the city, `{y}` a year, `{t}` a topic.
pub(crate) const DOC_FORMS: &[&str] = &[
    "《{c}{t}实施方案》",
    "《关于进一步加强{t}工作的通知》",
    "《{y}年{t}工作方案》",
    "《{c}{t}管理办法》",
    "《关于做好{y}年{t}工作的实施意见》",
    "《区级领导{t}包靠工作方案》",
];

/// Agreement forms (signed with 与…签订).
pub(crate) const AGREEMENT_FORMS: &[&str] = &[
    "《{t}合作协议书》",
    "《党建共建协议书》",
    "《{t}养护协议书》",
];

/// Road heads.
pub(crate) const ROAD_HEADS: &[&str] = &["路", "街", "大街", "大道"];

/// Chinese numerals for numbered sections.
pub(crate) const CN_NUMS: &[&str] = &[
    "一",
    "二",
    "三",
    "四",
    "五",
    "六",
    "七",
    "八",
    "九",
    "十",
    "十一",
    "十二",
    "十三",
    "十四",
    "十五",
    "十六",
    "十七",
    "十八",
    "十九",
    "二十",
    "二十一",
    "二十二",
    "二十三",
    "二十四",
];
