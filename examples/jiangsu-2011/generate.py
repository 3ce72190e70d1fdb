#!/usr/bin/env python3
"""Generate examples/jiangsu-2011/departments.json (synthetic data, fixed seed).

Data contract: shared spec "Contract: regulations/jiangsu-2011.jx" (苏政发〔2011〕94号,
江苏省人民政府部门绩效管理办法(试行), with its attachment 省政府部门绩效评估指标体系).
The records are invented; only the department names are real 2011-era Jiangsu
provincial government departments, and the task names are merely plausible.

Usage:  python3 generate.py            # writes departments.json next to this script
        python3 generate.py --check    # only recompute and print the summary

Every score is a decimal with at most 3 places; every weight an integer or a
half, and the weights of each of 重点工作 / 常规工作 / 其他工作 add up to exactly 100.
All arithmetic is done with Fraction, so the totals printed are exact.

Besides the ordinary spread (a handful 优秀, most 良好, several 达标, two 诫勉),
the data deliberately contains these edge cases for the evaluator's tests:

* 省审计厅 totals exactly 89.995: it publishes as 90.00 and is therefore 优秀
  (等次 is taken from the published score, not from the exact total, which is
  below 90).  Its numbers are chosen so that f64 arithmetic in the contract's
  order sums to 89.99499999999999, which publishes as 89.99 (良好).
* 省粮食局 totals exactly 59.995: publishes 60.00, 达标 (not 诫勉).  f64 gives
  59.99499999999999, and round(float(59.995), 2) is 59.99 as well.
* 省商务厅 totals exactly 84.625: half away from zero publishes 84.63; round
  half to even (Python's round, Decimal's default, Rust's round_ties_even)
  gives 84.62, and so does f64 arithmetic (84.62499999999999).
* 省新闻出版局 has exactly the same total as 省文化厅 (same numbers, permuted
  among indicators of equal weight, its own task names): an exact tie in
  社会管理和执法监督, so they share a rank and the next rank is skipped.
* 省物价局 publishes the same score as 省质监局 (经济管理和市场监管) although the
  exact totals differ: a tie on the published score only.  The contract ranks
  by the published score, so they share a rank too.
* 省海洋与渔业局 has 督促检查 deductions of 11.5 (more than 10: 督促检查得分 is 0,
  not -1.5), is 诫勉 and was 诫勉 last year, so 诫勉谈话 is true.
  省广电局 is the other 诫勉 department; it was 达标 last year (诫勉谈话 false).
  省安监局 was 诫勉 last year but is 达标 now (诫勉谈话 false).
* 省国土资源厅 has deductions of exactly 10 (督促检查得分 0).
* 省环境保护厅 and 省住房城乡建设厅 move up 8 and 6 places over 上年排名.
* 上年等次 and 上年排名 are each present in about two thirds of the records,
  independently; 督促检查扣分 is an empty list in some records and left out in
  most of the others.
"""

import json
import random
import sys
from decimal import Decimal
from fractions import Fraction as F
from pathlib import Path

SEED = 20110715  # 苏政发〔2011〕94号, 印发 2011-07-15

SOCIAL = "社会管理和执法监督"
ECON = "经济管理和市场监管"

# ------------------------------------------------------------------ indicator tree (附件)

FUNC = [("重点工作", 40), ("常规工作", 40), ("其他工作", 20)]           # 第七条
MGMT = [("依法行政", 40, [("依法履行职责", 15), ("科学民主决策", 15), ("加强制度建设", 14),
                          ("规范行政执法", 14), ("强化行政监督", 14), ("防范化解社会矛盾", 14),
                          ("落实依法行政保障措施", 14)]),
        ("高效行政", 30, [("机关作风和效能建设", 20), ("行政审批制度改革", 20), ("电子政务建设", 20),
                          ("处理突发事件", 20), ("降低行政成本", 20)]),
        ("廉洁行政", 30, [("惩防体系建设", 20), ("落实廉政建设责任制", 20), ("执行廉政准则", 20),
                          ("纠风专项治理", 20), ("遵纪守法", 20)])]            # 第八条
INNOV = [("创新创优成果体现", 50, None),
         ("工作改进", 30, [("制订整改方案", 20), ("整体改进", 50), ("单项改进", 30)]),
         ("健全激励机制", 10, [("完善相关制度", 50), ("有效执行", 50)]),
         ("干部职工素质提高", 10, [("学习情况", 30), ("组织培训", 40), ("岗位练兵", 30)])]  # 第九条
LEADERS = [("省长评价", 40), ("分管省领导评价", 30), ("其他领导评价", 30)]   # 第十五条(二)

MGMT_KEYS = [k for _, _, ks in MGMT for k, _ in ks]
INNOV_KEYS = [n for n, _, ks in INNOV for n in ([n] if ks is None else [k for k, _ in ks])]
LEADER_KEYS = [k for k, _ in LEADERS]
assert len(MGMT_KEYS) == 17 and len(INNOV_KEYS) == 9

# Indicators of equal weight under the same parent: permuting scores among them
# leaves every total unchanged (used for the exact tie).
SWAPPABLE = [["依法履行职责", "科学民主决策"],
             ["加强制度建设", "规范行政执法", "强化行政监督", "防范化解社会矛盾", "落实依法行政保障措施"],
             ["机关作风和效能建设", "行政审批制度改革", "电子政务建设", "处理突发事件", "降低行政成本"],
             ["惩防体系建设", "落实廉政建设责任制", "执行廉政准则", "纠风专项治理", "遵纪守法"],
             ["完善相关制度", "有效执行"], ["学习情况", "岗位练兵"]]

# ------------------------------------------------------------------ departments

# (部门, 类别, quality = mean score, 督促检查扣分)
DEPARTMENTS = [
    ("省政府办公厅", SOCIAL, 90.5, []),
    ("省发展改革委", ECON, 91.5, []),
    ("省经济和信息化委", ECON, 87.0, []),
    ("省教育厅", SOCIAL, 88.0, []),
    ("省科技厅", ECON, 89.5, []),
    ("省民族宗教委", SOCIAL, 82.0, []),
    ("省公安厅", SOCIAL, 90.0, []),
    ("省民政厅", SOCIAL, 84.0, []),
    ("省司法厅", SOCIAL, 83.5, []),
    ("省财政厅", ECON, 93.0, []),
    ("省人力资源社会保障厅", SOCIAL, 86.0, []),
    ("省国土资源厅", ECON, 87.5, [("专项督查:违法用地查处整改不到位", F(6)),
                                ("重点项目跟踪督查:万顷良田建设工程资金拨付滞后", F(4))]),
    ("省环境保护厅", SOCIAL, 87.0, []),
    ("省住房城乡建设厅", ECON, 85.5, []),
    ("省交通运输厅", ECON, 88.0, []),
    ("省水利厅", ECON, 86.5, []),
    ("省农委", ECON, 84.5, []),
    ("省商务厅", ECON, 84.0, [("专项督查:开发区统计数据报送不及时", F(3, 2))]),  # 84.625, see TARGETS
    ("省文化厅", SOCIAL, 85.0, []),
    ("省卫生厅", SOCIAL, 83.0, [("举报投诉查处:公立医院违规收费经查属实", F(2)),
                            ("专项督查:基层医疗卫生机构基本药物制度落实不到位", F(1))]),
    ("省人口计生委", SOCIAL, 75.5, []),
    ("省审计厅", SOCIAL, 88.5, []),  # 89.995, see TARGETS
    ("省外办", SOCIAL, 81.5, []),
    ("省国资委", ECON, 76.0, []),
    ("省地税局", ECON, 86.0, []),
    ("省工商局", ECON, 74.0, [("举报投诉查处:企业年检窗口乱收费经查属实", F(2)),
                            ("专项督查:打击传销专项行动任务未完成", F(5, 2))]),
    ("省质监局", ECON, 80.5, []),
    ("省新闻出版局", SOCIAL, 85.0, []),  # copy of 省文化厅's numbers, see TIES
    ("省广电局", SOCIAL, 58.0, [("重点项目跟踪督查:有线电视数字化整体转换未完成年度任务", F(3)),
                            ("专项督查:安全播出事故迟报", F(2))]),
    ("省体育局", SOCIAL, 79.5, []),
    ("省安监局", SOCIAL, 73.5, [("专项督查:危险化学品企业隐患整改不到位", F(2))]),
    ("省统计局", ECON, 82.5, []),
    ("省物价局", ECON, 80.0, []),  # published tie with 省质监局, see PUBLISHED_TIES
    ("省旅游局", ECON, 75.0, []),
    ("省粮食局", ECON, 65.0, [("专项督查:地方储备粮轮换计划执行不到位", F(4)),
                            ("重点项目跟踪督查:粮食物流园区建设进度滞后", F(3)),
                            ("举报投诉查处:粮食收购压级压价经查属实", F(2))]),  # 59.995
    ("省监狱管理局", SOCIAL, 80.0, []),
    ("省食品药品监管局", ECON, 71.0, []),
    ("省海洋与渔业局", ECON, 64.0, [("重点项目跟踪督查:沿海滩涂围垦开发项目未按期开工", F(5)),
                                  ("专项督查:渔业安全生产事故迟报", F(4)),
                                  ("举报投诉查处:海域使用金征收不规范经查属实", F(5, 2))]),
    ("省法制办", SOCIAL, 78.0, []),
    ("省信访局", SOCIAL, 71.5, []),
]
# department -> exact 最终评估得分 it is made to hit (by solving for the two survey scores)
TARGETS = {"省审计厅": F(89995, 1000), "省粮食局": F(59995, 1000), "省商务厅": F(84625, 1000)}
# department -> department whose numbers it copies (permuted among equal weights): exact tie
TIES = {"省新闻出版局": "省文化厅"}
# department -> department whose published score it is made to equal, with another exact total
PUBLISHED_TIES = {"省物价局": "省质监局"}
# department -> 等次 it is redrawn until it gets
GRADE = {"省海洋与渔业局": "诫勉", "省广电局": "诫勉", "省安监局": "达标"}
# department -> places it moved up over 上年排名
IMPROVED = {"省环境保护厅": 8, "省住房城乡建设厅": 6}
# department -> 上年等次 forced
LAST_GRADE = {"省海洋与渔业局": "诫勉", "省广电局": "达标", "省安监局": "诫勉"}
# chance that a department without deductions writes 督促检查扣分 as [] (else leaves it out)
EMPTY_DEDUCTIONS_AS_LIST = 0.3

# (重点工作, 常规工作) candidates per department; 常规工作 is padded with ROUTINE_COMMON.
TASKS = {
    "省政府办公厅": (["省政府重点工作任务分解督查", "省政府常务会议议定事项督办", "政务信息和决策服务",
                   "应急管理体系建设", "政府信息公开", "省长信箱和12345热线办理"],
                  ["公文办理和文电运转", "会议组织和会务服务", "省政府领导批示件办理", "政务值班",
                   "机要保密和档案管理", "外事接待协调", "行政事务保障"]),
    "省发展改革委": (["“十二五”规划纲要组织实施", "省级重大项目建设推进", "沿海地区发展规划实施",
                   "服务业发展提速", "节能目标责任评价考核", "南北挂钩共建园区建设"],
                  ["国民经济和社会发展年度计划编制", "经济运行监测分析", "固定资产投资项目审批核准",
                   "区域协调发展", "重点领域改革推进", "省级预算内投资管理", "能源发展规划和管理",
                   "社会事业发展规划"]),
    "省经济和信息化委": (["新兴产业倍增计划", "工业转型升级", "工业节能减排", "信息化与工业化融合",
                      "中小企业成长工程"],
                     ["工业经济运行调节", "技术改造投资", "企业技术中心建设", "淘汰落后产能",
                      "软件和信息服务业发展", "无线电管理", "工业园区规划建设", "企业减负"]),
    "省教育厅": (["学前教育三年行动计划", "义务教育优质均衡发展", "高校优势学科建设工程",
               "职业教育创新发展", "教育现代化建设监测"],
              ["高校招生考试管理", "高校毕业生就业服务", "家庭经济困难学生资助", "教师队伍建设",
               "校园安全管理", "中小学生减负", "民办教育管理", "教育督导评估"]),
    "省科技厅": (["科技创新工程", "高新技术企业培育", "产学研合作", "科技企业孵化器建设",
               "创新型省份建设"],
              ["科技计划项目管理", "科技成果转化专项资金管理", "农业科技服务", "科技人才引进",
               "知识产权创造运用", "科技统计和监测", "国际科技合作", "科普工作"]),
    "省民族宗教委": (["少数民族聚居村经济发展", "民族团结进步创建", "宗教活动场所规范管理"],
                   ["民族工作法规宣传", "宗教事务依法管理", "少数民族流动人口服务管理",
                    "宗教界人士教育培训", "清真食品管理", "民族宗教领域矛盾纠纷排查",
                    "少数民族文化传承"]),
    "省公安厅": (["平安江苏建设", "社会治安防控体系建设", "打击“两抢一盗”等多发性犯罪",
               "道路交通安全综合治理", "户籍管理制度改革"],
              ["刑事案件侦破", "治安管理", "出入境管理服务", "消防安全监管", "网络安全监管",
               "看守所监管安全", "大型活动安全保卫", "警务公开和窗口服务"]),
    "省民政厅": (["城乡低保提标扩面", "社会养老服务体系建设", "城乡社区建设", "救灾应急体系建设"],
              ["优抚安置", "社会组织登记管理", "婚姻登记和收养管理", "殡葬改革", "慈善事业",
               "区划地名管理", "残疾人福利", "流浪乞讨人员救助"]),
    "省司法厅": (["“六五”普法规划实施", "人民调解和大调解体系建设", "法律援助扩面",
               "社区矫正工作"],
              ["律师队伍管理", "公证管理", "司法鉴定管理", "基层司法所建设", "监狱劳教场所安全",
               "国家司法考试组织", "安置帮教"]),
    "省财政厅": (["地方财政收入组织", "民生支出保障", "省级预算编制和执行", "财政专项资金绩效评价",
               "地方政府性债务管理"],
              ["国库集中支付改革", "政府采购管理", "非税收入管理", "会计管理", "财政监督检查",
               "省级行政事业单位资产管理", "转移支付管理", "农业综合开发"]),
    "省人力资源社会保障厅": (["城乡就业创业", "城乡居民社会养老保险试点", "高层次创新创业人才引进计划",
                         "企业职工工资正常增长"],
                        ["城镇职工基本医疗保险", "失业保险和工伤保险", "劳动保障监察",
                         "劳动人事争议仲裁", "职业技能培训", "公务员考录和培训", "事业单位人事制度改革",
                         "社会保险基金监管"]),
    "省国土资源厅": (["耕地保护和基本农田建设", "万顷良田建设工程", "节约集约用地双提升",
                   "土地整治"],
                  ["建设用地审批", "矿产资源管理", "地质灾害防治", "土地执法监察", "不动产登记基础工作",
                   "国土资源规划", "地籍调查", "征地补偿安置"]),
    "省环境保护厅": (["太湖水污染防治", "主要污染物总量减排", "生态省建设", "农村环境综合整治"],
                   ["建设项目环境影响评价", "大气污染防治", "重点污染源监管", "核与辐射安全监管",
                    "环境监测", "环境应急管理", "危险废物管理", "环境执法"]),
    "省住房城乡建设厅": (["保障性安居工程", "城乡环境综合整治", "城镇污水处理设施建设",
                      "房地产市场调控"],
                     ["建筑市场监管", "建筑节能", "工程质量安全监管", "城市规划管理", "城市建设管理",
                      "住房公积金监管", "风景名胜区管理", "勘察设计管理"]),
    "省交通运输厅": (["高速公路网建设", "干线航道网整治", "连云港港30万吨级航道建设",
                   "农村公路提档升级", "铁路建设协调"],
                  ["道路运输管理", "水路运输管理", "交通安全监管", "公路养护", "交通行政执法",
                   "城乡客运一体化", "交通节能减排", "交通战备"]),
    "省水利厅": (["南水北调东线江苏段工程建设", "中小河流治理", "小型水库除险加固",
               "农村饮水安全工程", "太湖流域水环境综合治理"],
              ["防汛防旱", "水资源管理", "农田水利建设", "水土保持", "河道管理", "水利工程运行管理",
               "水政执法", "水文监测"]),
    "省农委": (["粮食生产", "高效设施农业发展", "农民专业合作社建设", "农产品质量安全"],
             ["动物疫病防控", "农业机械化", "农业科技推广", "农村经营管理", "农民培训",
              "种子管理", "农业资源环境保护", "农业行政执法"]),
    "省商务厅": (["外贸稳定增长", "利用外资", "开发区转型升级", "服务外包", "扩大消费"],
              ["对外投资合作", "万村千乡市场工程", "市场运行监测", "商贸流通体系建设",
               "生活必需品市场供应", "反倾销应对", "口岸管理", "会展经济"]),
    "省文化厅": (["文化强省建设", "公共文化服务体系建设", "文化产业发展", "文艺精品创作"],
              ["非物质文化遗产保护", "文物保护", "文化市场管理", "艺术院团改革", "公共图书馆建设",
               "群众文化活动", "对外文化交流", "文化人才培养"]),
    "省卫生厅": (["医药卫生体制改革", "新型农村合作医疗", "基本公共卫生服务均等化",
               "公立医院改革试点", "基层医疗卫生机构建设"],
              ["传染病防控", "卫生应急", "妇幼卫生", "医疗质量管理", "卫生监督执法", "中医药发展",
               "血液管理", "卫生人才培养"]),
    "省人口计生委": (["稳定低生育水平", "出生人口性别比综合治理", "流动人口计划生育服务管理"],
                   ["计划生育奖励扶助", "优生促进工程", "人口信息化", "计划生育技术服务",
                    "人口发展战略研究", "计生协会工作", "计划生育宣传教育"]),
    "省审计厅": (["省级预算执行审计", "经济责任审计", "政府投资项目审计", "地方政府性债务审计"],
              ["专项资金审计", "社会保障资金审计", "国有企业审计", "审计整改督查",
               "内部审计指导", "审计信息化", "审计结果公告", "审计质量控制"]),
    "省外办": (["对外开放服务", "国际友好城市发展", "重要外事活动组织"],
             ["因公出国(境)管理", "领事保护", "外宾接待", "外国记者服务管理", "外事翻译",
              "涉外突发事件处置", "港澳事务"]),
    "省国资委": (["省属企业改革重组", "国有资本经营预算", "省属企业负责人经营业绩考核",
               "国有资产保值增值"],
              ["企业国有产权管理", "省属企业财务监督", "省属企业领导班子建设", "企业安全生产监管",
               "省属企业投资监管", "外派监事会工作", "企业法律顾问制度", "企业节能减排"]),
    "省地税局": (["地方税收收入组织", "个人所得税改革", "税收征管质量提升", "纳税服务"],
              ["税收法制建设", "稽查执法", "税收信息化", "税收优惠政策落实", "社会保险费征收",
               "发票管理", "税收风险管理", "税源监控"]),
    "省工商局": (["企业登记注册便利化", "商标战略实施", "打击传销和规范直销", "消费者权益保护"],
              ["市场主体监管", "企业年检", "广告监管", "合同监管", "流通环节食品安全监管",
               "个体私营经济服务", "工商行政执法", "12315维权网络"]),
    "省质监局": (["名牌战略实施", "标准化战略", "特种设备安全监察", "产品质量监督抽查"],
              ["计量监督管理", "认证认可监管", "质量技术监督执法", "组织机构代码管理",
               "检验检测机构建设", "质量兴省", "食品生产加工环节监管", "纤维检验"]),
    "省新闻出版局": (["农家书屋工程", "经营性出版单位转企改制", "全民阅读活动", "“扫黄打非”"],
                   ["出版物市场监管", "版权保护", "印刷复制业管理", "报刊审读", "新闻出版产业发展",
                    "出版物质量检查", "发行网点建设", "新闻记者证管理"]),
    "省广电局": (["广播电视村村通", "有线电视数字化整体转换", "三网融合试点", "安全播出"],
              ["农村电影放映", "广播电视节目监管", "卫星地面接收设施管理", "广电科技",
               "影视剧审查", "广播电视公共服务", "广电产业发展"]),
    "省体育局": (["全民健身", "第十二届全运会和伦敦奥运会备战", "体育产业发展"],
              ["青少年体育", "公共体育场馆开放", "体育社会组织", "运动员文化教育",
               "反兴奋剂", "体育彩票管理", "体育科研", "体育赛事管理"]),
    "省安监局": (["安全生产控制考核指标", "隐患排查治理", "化工企业专项整治", "安全生产标准化建设"],
              ["烟花爆竹安全监管", "职业卫生监管", "安全生产行政执法", "安全生产应急救援",
               "安全生产培训", "非煤矿山安全监管", "安全生产事故调查处理", "安全社区创建"]),
    "省统计局": (["统计“四大工程”建设", "一套表联网直报", "第六次人口普查资料开发", "民意调查"],
              ["经济运行监测分析", "统计执法检查", "统计数据质量评估", "统计信息发布", "统计基层基础建设",
               "专项统计调查", "统计信息化", "统计资料编纂"]),
    "省物价局": (["价格总水平调控", "涉企收费清理", "民生价格监管", "价格监督检查"],
              ["价格监测预警", "成本监审", "价格认证", "价格举报受理", "收费许可管理",
               "农产品成本调查", "价格公共服务", "医药价格管理"]),
    "省旅游局": (["旅游强省建设", "乡村旅游发展", "旅游重大项目推进"],
              ["旅游市场监管", "旅游宣传促销", "旅游质量等级评定", "旅游安全", "导游管理",
               "旅游统计", "旅游人才培训", "旅行社管理"]),
    "省粮食局": (["地方储备粮管理", "粮食收购", "放心粮油工程", "粮食物流体系建设"],
              ["粮食流通监督检查", "粮食市场监测", "粮食仓储设施维修", "粮食应急保障", "军粮供应",
               "粮食质量检测", "粮食产业化", "粮食统计"]),
    "省监狱管理局": (["监管安全", "罪犯教育改造", "监狱布局调整"],
                   ["刑罚执行", "狱政管理", "罪犯劳动改造", "生活卫生管理", "监狱企业管理",
                    "警察队伍建设", "狱务公开"]),
    "省食品药品监管局": (["药品电子监管", "餐饮服务食品安全监管", "基本药物质量监管",
                      "保健食品化妆品专项整治"],
                     ["药品注册管理", "医疗器械监管", "药品安全信用体系", "药品不良反应监测",
                      "药品稽查执法", "药品检验检测", "执业药师管理", "药品流通监管"]),
    "省海洋与渔业局": (["沿海滩涂围垦开发", "海域使用管理", "标准化池塘改造"],
                     ["渔业安全生产", "海洋环境保护", "水产品质量安全", "渔政执法", "渔业资源保护",
                      "海洋防灾减灾", "远洋渔业", "渔民转产转业"]),
    "省法制办": (["政府立法", "法治政府建设", "行政复议"],
              ["规范性文件备案审查", "行政执法监督", "法规规章清理", "行政执法人员资格管理",
               "政府法律顾问", "法制宣传", "行政应诉"]),
    "省信访局": (["信访积案化解", "领导干部接访下访", "网上信访"],
              ["来信来访办理", "信访督查督办", "信访信息分析", "信访业务培训", "群体性事件预防",
               "信访工作考核", "信访法规宣传"]),
}
ROUTINE_COMMON = ["政务公开和信息发布", "规范性文件管理", "建议提案办理", "行业统计分析"]
OTHER = ["对口支援新疆伊犁州、克州", "挂钩帮扶经济薄弱村", "省委省政府交办事项", "南北挂钩合作共建",
         "省政府领导批示件办理", "驻村帮扶", "省级机关作风建设专项活动", "省政府专题调研"]


# ------------------------------------------------------------------ drawing numbers

def pick(rng, table):
    """One key of {key: probability}."""
    x = rng.random()
    for k, p in table.items():
        x -= p
        if x < 0:
            return k
    return k


# denominators a score is written with: 1 = whole, 2 = .5, 8 = .125, 1000 = 3 places ...
ITEM = {1: .55, 2: .25, 10: .1, 4: .05, 8: .05}
TOP = {1: .3, 2: .2, 10: .2, 100: .15, 8: .05, 1000: .1}
LEADER = {1: .2, 10: .4, 100: .4}
SURVEY = {100: .6, 1000: .3, 10: .1}
# for the TARGETS departments: keeps the total's last digits within reach of the surveys
ITEM_COARSE = {1: .6, 2: .3, 4: .05, 8: .05}


def score(rng, mean, sd, grid):
    x = min(100.0, max(0.0, rng.gauss(mean, sd)))
    d = pick(rng, grid)
    return min(F(100), F(round(x * d), d))


def weights(rng, n):
    """n positive weights (integers or halves) adding up to exactly 100, the largest first."""
    if F(100, n).denominator <= 2 and rng.random() < 0.3:
        return [F(100, n)] * n          # equal weights, e.g. 8 x 12.5
    unit = F(1, 2) if rng.random() < 0.3 else F(1)
    while True:
        raw = sorted((rng.uniform(0.5, 1.6) for _ in range(n)), reverse=True)
        total_units = int(100 / unit)
        exact = [r / sum(raw) * total_units for r in raw]
        ks = [int(e) for e in exact]
        for i in sorted(range(n), key=lambda i: ks[i] - exact[i])[:total_units - sum(ks)]:
            ks[i] += 1
        w = [k * unit for k in ks]
        if min(w) >= 4 and sum(w) == 100:
            return sorted(w, reverse=True)


def make_record(rng, name, cat, q, deductions, coarse=False):
    key, routine = TASKS[name]
    item = ITEM_COARSE if coarse else ITEM
    sd = 3.5 if q >= 80 else 5.0
    n_key = rng.randint(3, min(6, len(key)))
    n_routine = rng.randint(6, 10)
    routine = routine + ROUTINE_COMMON
    n_other = rng.choice([1, 2, 2, 3, 3, 4])
    func = {}
    for k, names in (("重点工作", key[:n_key]),
                     ("常规工作", rng.sample(routine, n_routine)),
                     ("其他工作", rng.sample(OTHER, n_other))):
        ws = weights(rng, len(names))
        func[k] = [{"名称": nm, "权重": w, "得分": score(rng, q + (1 if k == "其他工作" else 0), sd, item)}
                   for nm, w in zip(names, ws)]
    r = {"部门": name, "类别": cat,
         "评估计划": score(rng, q + 4, 2.5, TOP),
         "半年评估": score(rng, q + 1, 3.0, TOP),
         "职能工作": func,
         "管理工作": {k: score(rng, q + 1, sd, item) for k in MGMT_KEYS},
         "创新创优": {k: score(rng, q - 1, sd + 1, item) for k in INNOV_KEYS},
         "领导评价": {k: score(rng, q + 1, 3.0, LEADER) for k in LEADER_KEYS},
         "服务对象满意度": score(rng, q + 2, 3.0, SURVEY),
         "社会公众满意度": score(rng, q - 2, 3.0, SURVEY)}
    if deductions:
        r["督促检查扣分"] = [{"事项": t, "扣分": d} for t, d in deductions]
    elif rng.random() < EMPTY_DEDUCTIONS_AS_LIST:
        r["督促检查扣分"] = []
    return r


# ------------------------------------------------------------------ the contract's semantics

def parts(r, T=F):
    """Every named quantity of the contract, exact (T=float: what naive binary
    floating point gets, for the report only)."""
    def wsum(pairs):
        return sum((T(w) / 100 * T(s) for w, s in pairs), T(0))
    v = {}
    for k, _ in FUNC:
        v[k] = wsum((it["权重"], it["得分"]) for it in r["职能工作"][k])
    v["职能工作得分"] = wsum((w, v[k]) for k, w in FUNC)
    m = r["管理工作"]
    for k, _, ks in MGMT:
        v[k] = wsum((w, m[kk]) for kk, w in ks)
    v["管理工作得分"] = wsum((w, v[k]) for k, w, _ in MGMT)
    c = r["创新创优"]
    for k, _, ks in INNOV:
        v[k] = T(c[k]) if ks is None else wsum((w, c[kk]) for kk, w in ks)
    v["创新创优得分"] = wsum((w, v[k]) for k, w, _ in INNOV)
    v["年终评估得分"] = wsum([(50, v["职能工作得分"]), (30, v["管理工作得分"]), (20, v["创新创优得分"])])
    v["工作考核得分"] = T(60) / 100 * wsum([(5, r["评估计划"]), (15, r["半年评估"]),
                                        (80, v["年终评估得分"])])
    v["领导评价得分"] = wsum((w, r["领导评价"][k]) for k, w in LEADERS)
    v["公众评议得分"] = T(30) / 100 * wsum([(30, v["领导评价得分"]), (40, r["服务对象满意度"]),
                                        (30, r["社会公众满意度"])])
    ded = sum((T(d["扣分"]) for d in r.get("督促检查扣分", [])), T(0))
    v["督促检查得分"] = T(10) - min(T(10), ded)
    v["最终评估得分"] = v["工作考核得分"] + v["公众评议得分"] + v["督促检查得分"]
    return v


def publish(x):
    """Round to 2 decimals, half away from zero; return a decimal string."""
    sign = -1 if x < 0 else 1
    cents = (abs(x) * 100 + F(1, 2)).__floor__()
    return ("-" if sign < 0 and cents else "") + f"{cents // 100}.{cents % 100:02d}"


CUTS = [("优秀", 90), ("良好", 80), ("达标", 60)]


def grade(published):
    p = Decimal(published)
    for g, cut in CUTS:
        if p >= cut:
            return g
    return "诫勉"


def ranks(records):
    """Rank by published score within 类别; equal scores share a rank (1, 2, 2, 4)."""
    pubs = {r["部门"]: Decimal(publish(parts(r)["最终评估得分"])) for r in records}
    out = {}
    for cat in (SOCIAL, ECON):
        names = [r["部门"] for r in records if r["类别"] == cat]
        for n in names:
            out[n] = 1 + sum(1 for o in names if pubs[o] > pubs[n])
    return out


# ------------------------------------------------------------------ special cases

def solve_surveys(r, target):
    """Set 服务对象满意度 a and 社会公众满意度 b (3 places, 0..100) so that the total is
    exactly target, as close as possible to the drawn values; False if impossible.
    total = R + 0.12 a + 0.09 b, i.e. (target - R) * 10^6 = 30 (4 A + 3 B), A = 1000 a."""
    a0, b0 = r["服务对象满意度"], r["社会公众满意度"]
    rest = parts(r)["最终评估得分"] - F(12, 100) * a0 - F(9, 100) * b0
    x = (target - rest) * 10 ** 6 / 30
    if x.denominator != 1:
        return False
    x = int(x)
    best = None
    for big_a in range(0, 100001):
        if (x - 4 * big_a) % 3:
            continue
        big_b = (x - 4 * big_a) // 3
        if not 0 <= big_b <= 100000:
            continue
        a, b = F(big_a, 1000), F(big_b, 1000)
        err = (a - a0) ** 2 + (b - b0) ** 2
        if best is None or err < best[0]:
            best = (err, a, b)
    if best is None or best[0] > 25:
        return False
    r["服务对象满意度"], r["社会公众满意度"] = best[1], best[2]
    assert parts(r)["最终评估得分"] == target
    return True


def copy_permuted(rng, src, name, cat):
    """name's own task names on src's numbers; equal-weight indicators' scores shuffled."""
    r = json.loads(json.dumps(src, default=str))  # deep copy; Fractions become strings
    r = revive(r)
    r["部门"], r["类别"] = name, cat
    key, routine = TASKS[name]
    pool = {"重点工作": key, "常规工作": routine + ROUTINE_COMMON, "其他工作": OTHER}
    for k, items in r["职能工作"].items():
        names = rng.sample(pool[k], len(items)) if k != "重点工作" else pool[k][:len(items)]
        pairs = [(it["权重"], it["得分"]) for it in items]
        rng.shuffle(pairs)  # Σ 权重 × 得分 does not depend on the order
        r["职能工作"][k] = [{"名称": n, "权重": w, "得分": s} for n, (w, s) in zip(names, pairs)]
    for group in SWAPPABLE:
        obj = r["管理工作"] if group[0] in r["管理工作"] else r["创新创优"]
        vals = [obj[k] for k in group]
        rng.shuffle(vals)
        for k, x in zip(group, vals):
            obj[k] = x
    lead = r["领导评价"]
    lead["分管省领导评价"], lead["其他领导评价"] = lead["其他领导评价"], lead["分管省领导评价"]
    assert parts(r)["最终评估得分"] == parts(src)["最终评估得分"]
    return r


def revive(x):
    """Inverse of json.dumps(default=str) for the records: Fraction strings back."""
    if isinstance(x, dict):
        return {k: (x[k] if k in ("部门", "类别", "名称", "事项", "上年等次") else revive(x[k])) for k in x}
    if isinstance(x, list):
        return [revive(v) for v in x]
    if isinstance(x, str):
        return F(x)
    return x


def published_tie(r, other):
    """Move r's two survey scores (3 places) so that r publishes like other while the
    exact totals differ: first both by the same amount, then 社会公众满意度 alone."""
    goal = parts(other)["最终评估得分"]
    want = F(publish(goal))
    a0, b0 = r["服务对象满意度"], r["社会公众满意度"]
    shift = F(round((goal - parts(r)["最终评估得分"]) / F(21, 100) * 10), 10)  # 0.12 + 0.09
    a = a0 + shift
    rest = parts(r)["最终评估得分"] + F(12, 100) * shift - F(9, 100) * b0  # without b
    best = None
    for big_b in range(0, 100001):
        b = F(big_b, 1000)
        t = rest + F(9, 100) * b
        if F(publish(t)) == want and t != goal:
            if best is None or abs(b - b0 - shift) < abs(best - b0 - shift):
                best = b
    if best is None or abs(shift) > 6 or abs(best - b0) > 6 or not 0 <= a <= 100:
        raise SystemExit(f"cannot tie {r['部门']} with {other['部门']} on the published score")
    r["服务对象满意度"], r["社会公众满意度"] = a, best
    assert F(publish(parts(r)["最终评估得分"])) == want


# ------------------------------------------------------------------ build

def build():
    rng = random.Random(SEED)
    records = {}
    for name, cat, q, deductions in DEPARTMENTS:
        if name in TIES or name in PUBLISHED_TIES:
            continue
        if name in TARGETS:
            for _ in range(10000):
                r = make_record(rng, name, cat, q, deductions, coarse=True)
                # keep a solution whose naive f64 total falls below the half cent
                if (solve_surveys(r, TARGETS[name])
                        and parts(r, float)["最终评估得分"] < TARGETS[name]):
                    break
            else:
                raise SystemExit(f"cannot reach {TARGETS[name]} for {name}")
        else:
            for _ in range(1000):
                r = make_record(rng, name, cat, q, deductions)
                g = grade(publish(parts(r)["最终评估得分"]))
                if g == GRADE.get(name, g):
                    break
            else:
                raise SystemExit(f"cannot make {name} {GRADE[name]}")
        records[name] = r
    cats = {name: cat for name, cat, _, _ in DEPARTMENTS}
    for name, src in TIES.items():
        records[name] = copy_permuted(rng, records[src], name, cats[name])
    qual = {name: (q, d) for name, _, q, d in DEPARTMENTS}
    for name, other in PUBLISHED_TIES.items():
        # redraw until the natural total is near the other's, then nudge the surveys
        goal = parts(records[other])["最终评估得分"]
        q, d = qual[name]
        for _ in range(1000):
            r = make_record(rng, name, cats[name], q, d)
            if abs(parts(r)["最终评估得分"] - goal) < F(1, 2):
                break
        else:
            raise SystemExit(f"cannot bring {name} near {other}")
        published_tie(r, records[other])
        records[name] = r
    out = [records[name] for name, _, _, _ in DEPARTMENTS]
    add_last_year(rng, out)
    return out


def add_last_year(rng, records):
    """上年等次 / 上年排名, each present for about two thirds of the records.
    上年等次 roughly agrees with 上年排名: it is about the grade that rank gets this year."""
    rk = ranks(records)
    size = {c: sum(1 for r in records if r["类别"] == c) for c in (SOCIAL, ECON)}
    grades = {r["部门"]: grade(publish(parts(r)["最终评估得分"])) for r in records}
    levels = ["优秀", "良好", "达标", "诫勉"]

    def grade_at(cat, rank):
        held = [(rk[n], g) for n, g in grades.items() if cats[n] == cat and rk[n] <= rank]
        return max(held)[1]

    cats = {r["部门"]: r["类别"] for r in records}
    for r in records:
        name, cat = r["部门"], r["类别"]
        u = rng.random()
        has_grade = u < 0.64 or 0.7 <= u < 0.86 or name in LAST_GRADE
        has_rank = u < 0.7 or name in IMPROVED
        last_rank = None
        if has_rank:
            if name in IMPROVED:
                last_rank = rk[name] + IMPROVED[name]
                assert last_rank <= size[cat]
            else:
                last_rank = max(1, min(size[cat], rk[name] + rng.randint(-3, 3)))
        if has_grade:
            if name in LAST_GRADE:
                r["上年等次"] = LAST_GRADE[name]
            else:
                if last_rank:
                    i = levels.index(grade_at(cat, last_rank))
                else:
                    i = levels.index(grades[name]) + rng.choice([-1, 0, 0, 0, 1])
                r["上年等次"] = levels[max(0, min(2, i))]  # only LAST_GRADE ones were 诫勉
        if last_rank:
            r["上年排名"] = last_rank


# ------------------------------------------------------------------ output

def num(x):
    """A Fraction as a JSON number, exactly as written in decimal."""
    x = F(x)
    if x.denominator == 1:
        return str(x.numerator)
    d = Decimal(x.numerator) / Decimal(x.denominator)
    s = format(d.normalize(), "f")
    assert F(s) == x, x
    return s


def j(v):
    if isinstance(v, F):
        return num(v)
    if isinstance(v, dict):
        return "{" + ", ".join(f"{j(k)}: {j(x)}" for k, x in v.items()) + "}"
    if isinstance(v, list):
        return "[" + ", ".join(j(x) for x in v) + "]"
    return json.dumps(v, ensure_ascii=False)


def dump(records):
    """JSON, indent 2, ensure_ascii=False, with every 职能工作 item and every
    督促检查扣分 entry on one line."""
    out = ["["]
    for i, r in enumerate(records):
        lines = []
        for k, v in r.items():
            if k == "职能工作":
                inner = []
                for kk, items in v.items():
                    rows = ",\n".join(f"        {j(it)}" for it in items)
                    inner.append(f"      {j(kk)}: [\n{rows}\n      ]")
                lines.append(f"    {j(k)}: {{\n" + ",\n".join(inner) + "\n    }")
            elif isinstance(v, dict):
                inner = [f"      {j(kk)}: {j(vv)}" for kk, vv in v.items()]
                lines.append(f"    {j(k)}: {{\n" + ",\n".join(inner) + "\n    }")
            elif isinstance(v, list) and v:
                rows = ",\n".join(f"      {j(it)}" for it in v)
                lines.append(f"    {j(k)}: [\n{rows}\n    ]")
            else:
                lines.append(f"    {j(k)}: {j(v)}")
        out.append("  {\n" + ",\n".join(lines) + "\n  }" + ("," if i < len(records) - 1 else ""))
    out.append("]")
    text = "\n".join(out) + "\n"
    back = json.loads(text, parse_float=F, parse_int=F)
    assert back == revive(json.loads(json.dumps(records, default=str))), "dump does not round-trip"
    return text


def validate(records):
    """The contract's input rules, so that the example is valid input."""
    names = [r["部门"] for r in records]
    assert len(set(names)) == len(names)
    for r in records:
        assert r["类别"] in (SOCIAL, ECON)
        scores = [r["评估计划"], r["半年评估"], r["服务对象满意度"], r["社会公众满意度"],
                  *r["管理工作"].values(), *r["创新创优"].values(), *r["领导评价"].values()]
        assert list(r["管理工作"]) == MGMT_KEYS and list(r["创新创优"]) == INNOV_KEYS
        assert list(r["领导评价"]) == LEADER_KEYS
        for k, lo, hi in (("重点工作", 3, 6), ("常规工作", 6, 10), ("其他工作", 1, 4)):
            items = r["职能工作"][k]
            assert lo <= len(items) <= hi, (r["部门"], k)
            assert sum(it["权重"] for it in items) == 100 and all(it["权重"] > 0 for it in items)
            assert len({it["名称"] for it in items}) == len(items)
            scores += [it["得分"] for it in items]
        assert all(0 <= s <= 100 and (s * 1000).denominator == 1 for s in scores), r["部门"]
        assert all(d["扣分"] > 0 for d in r.get("督促检查扣分", []))
        assert r.get("上年等次", "优秀") in ("优秀", "良好", "达标", "诫勉")
        assert r.get("上年排名", 1) >= 1


def summary(records):
    rk = ranks(records)
    short = {SOCIAL: "社会管理", ECON: "经济管理"}
    print(f"{'部门':<10}\t类别\t最终得分\t等次\t排名\t上年排名\t排名进步\t上年等次\t诫勉谈话\t(exact total)")
    counts = {}
    for r in records:
        name = r["部门"]
        t = parts(r)["最终评估得分"]
        p = publish(t)
        g = grade(p)
        counts.setdefault(r["类别"], {}).setdefault(g, 0)
        counts[r["类别"]][g] += 1
        last = r.get("上年排名")
        up = "" if last is None else f"{last - rk[name]:+d}"
        talk = g == "诫勉" and r.get("上年等次") == "诫勉"
        print(f"{name:<10}\t{short[r['类别']]}\t{p:>6}\t{g}\t{rk[name]}\t{last or '-'}\t{up}\t"
              f"{r.get('上年等次', '-')}\t{'true' if talk else 'false'}\t{num(t)}")
    for c, gs in counts.items():
        print(c, {g: gs.get(g, 0) for g in ("优秀", "良好", "达标", "诫勉")})
    seen = {}
    for r in records:
        t = parts(r)["最终评估得分"]
        key = (r["类别"], publish(t))
        if key in seen:
            other, t2 = seen[key]
            print(f"tie at {key[1]} ({key[0]}): {other} / {r['部门']} "
                  f"({'exact' if t == t2 else 'published only: ' + num(t2) + ' vs ' + num(t)})")
        seen[key] = (r["部门"], t)
    for r in records:
        t = parts(r)["最终评估得分"]
        if (t * 1000).denominator == 1 and (t * 1000).numerator % 10 == 5:
            naive = parts(r, float)["最终评估得分"]
            even = Decimal(num(t)).quantize(Decimal("0.01"), rounding="ROUND_HALF_EVEN")
            print(f"half cent: {r['部门']} exact {num(t)} -> {publish(t)} {grade(publish(t))}; "
                  f"half-even gives {even}; f64 arithmetic gives {naive!r} -> "
                  f"{round(naive, 2)}, round(float(exact), 2) = {round(float(t), 2)}")
    for r in records:
        ded = sum((d["扣分"] for d in r.get("督促检查扣分", [])), F(0))
        if ded >= 10:
            print(f"deductions {num(ded)} >= 10: {r['部门']} (督促检查得分 0)")


def main():
    records = build()
    validate(records)
    summary(records)
    if "--check" not in sys.argv:
        path = Path(__file__).with_name("departments.json")
        path.write_text(dump(records), encoding="utf-8")
        print(f"wrote {path} ({len(records)} records)")


if __name__ == "__main__":
    main()
