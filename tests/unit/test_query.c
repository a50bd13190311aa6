/* Tests of query.c: parsing into items and units, keyword or question,
 * syntax (quotes, -excluded, OR), highlights; and the built query against
 * a small index made here. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "analyze.h"
#include "check.h"
#include "fixture.h"
#include "query.h"
#include "synonyms.h"
#include "terms.h"
#include "xapian_c.h"

/* A small synonym table in the format of corpus/data/synonyms.rules. */
static const char syn_text[] = "# test\n"
                               "发改委 = 发展改革委 = 发展和改革委员会\n"
                               "豫 = 河南\n"
                               "赣 = 江西\n"
                               "互联网+政务服务 = 互联网加政务服务\n"
                               "融资 ~ 资金 ~ 贷款\n"
                               "国企 = 国有企业\n"
                               "混改 = 混合所有制改革\n"
                               "三农 = 农业农村农民 = 三农工作\n"
                               "中行 = 中国银行\n"
                               "gdp = 国内生产总值\n"
                               "ar = 增强现实\n"
                               "公租房 = 公共租赁住房\n"
                               "放管服 = 简政放权、放管结合、优化服务\n"
                               "双碳 = 碳达峰碳中和 = 碳达峰、碳中和\n"
                               "医改 = 医药卫生体制改革\n"
                               "国研中心 = 发展研究中心\n"
                               "营改增 = 营业税改征增值税\n"
                               "三重一大 = 重大事项决策、重要干部任免\n"
                               "四个全面 = 四个全面战略布局\n"
                               "三名 = 名校长、名班主任、名教师\n"
                               "六保 = 保居民就业、保基本民生、保市场主体、保粮食能源安全、保产业链供应链稳定、保基层运转\n"
                               "三供一业 = 供水、供电、供暖和物业管理\n"
                               "十九大 = 中国共产党第十九次全国代表大会\n"
                               "全面建设小康社会 = 全面建成小康社会\n"
                               "养老服务 ~ 医养结合\n";
static ss_syn *syn;

static const struct {
    const char *q;
    const char *understood;
    int natural;
    int exact;     /* parsed with --exact */
} parse_cases[] = {
    { "招商引资", "招商引资", 0, 0 },
    { "招商引資", "招商引资", 0, 0 },                       /* traditional */
    { "六新项目", "六新+项目", 0, 0 },                      /* unknown run kept together */
    { "9+2 工作布局", "9+2 工作+布局", 0, 0 },
    { "\"项目 合作\"", "\"项目合作\"", 0, 0 },
    { "“项目合作”", "\"项目合作\"", 0, 0 },                 /* Chinese quotes */
    { "招商 -引资", "招商 -引资", 0, 0 },
    { "招商 OR 引资", "招商 OR 引资", 0, 0 },
    /* AND between two words is what a blank is; or, and in any case are
     * the operators (AND was the word and, required: nothing found) */
    { "招商 AND 引资", "招商 引资", 0, 0 },
    { "招商 and 引资", "招商 引资", 0, 0 },
    { "招商 or 引资", "招商 OR 引资", 0, 0 },
    { "and 招商", "and 招商", 0, 0 },                      /* not between two: a word */
    { "智能+", "智能+", 0, 0 },
    /* questions drop function words, and generic words when they have others */
    { "怎样推进产业集聚区转型发展", "产业|集聚区|集聚|转型", 1, 0 },
    { "如何解决项目落地难的问题", "项目|落地难|落地", 1, 0 },
    { "如何发展", "发展", 1, 0 },
    /* a numbered slogan of the table ("=") the segmenter splits stays one
     * word in a question (三重|一大 had none of the table's names; 四个全面
     * lost 全面, a manner word, and read 四个) */
    { "如何落实三重一大", "三重一大{重大事项决策重要干部任免}", 1, 0 },
    { "怎样推进三供一业移交", "三供一业{供水供电供暖和物业管理}|移交", 1, 0 },
    { "如何理解四个全面", "四个+全面", 0, 0 },
    { "四个全面怎么落实", "四个+全面", 0, 0 },
    { "如何做好三农工作", "三农{农业农村农民}", 1, 0 }, /* the head is the word */
    /* a name of the table as long as a slogan's items (34 characters) is
     * another form too: forms of 96 bytes or more were dropped before */
    { "三名工程", "三名+工程{名校长名班主任名教师工程}", 0, 0 },
    /* an ordinal: not the table's 三名 after 第; its numeral in digits is
     * another form (居全国第1位), as 第1名 has 第一名 */
    { "全国第三名", "全国+第三名{全国第3名}", 0, 0 },
    { "第一名", "第一名{第1名}", 0, 0 },
    { "第1名", "第1名{第一名}", 0, 0 },
    { "第十二届", "第十二届{第12届}", 0, 0 },
    { "第一书记", "第一书记", 0, 0 },  /* no measure of an ordinal after it */
    { "第一", "第一", 0, 0 },
    /* tenths counted like things: 五成 = 5成 (一成不变 stays) */
    { "五成", "五成{5成}", 0, 0 },
    { "一成不变", "一成不变", 0, 0 },
    { "六保", "六保{保居民就业保基本民生保市场主体保粮食能源安全保产业链供应链稳定保基层运转}", 0, 0 },
    { "如何推进医养结合", "医养|结合", 1, 0 },            /* no numeral: counted apart */
    { "紧扣贯彻落实党的十九大精神", "紧扣|贯彻落实党|贯彻落实|十九大{中国共产党第十九次全国代表大会,19大}|精神", 1, 0 },
    { "如何做好新时期招商引资工作", "招商引资", 1, 0 },       /* 新 + 时期 joined is generic too */
    { "如何发挥政协作用", "政协", 1, 0 },
    /* three single characters after a verb are a word of their own, not
     * the verb's object glued to it (解决大班额) */
    { "如何解决大班额问题", "大班额|大班", 1, 0 },  /* 额: a measure of 大班 */
    { "怎样消除大班额", "消除|大班额", 1, 0 },
    { "如何防治鼠蟑蝇", "防治|鼠蟑蝇", 1, 0 },
    { "如何提高水平", "提高|水平", 1, 0 },                    /* nothing else: kept */
    /* a question mark makes no question of keywords: a question is read
     * from its words */
    { "项目建设?", "项目建设", 0, 0 },
    { "   ", "", 0, 0 },
    /* keywords stay keywords; one long run with function words is a question */
    { "招商引资 项目建设 乡村振兴 科技创新", "招商引资 项目建设 乡村振兴 科技创新", 0, 0 },
    { "加快推进产业集聚区的转型发展", "产业|集聚区|集聚|转型", 1, 0 },
    /* full-width syntax from an input method means what half-width does */
    { "region：河南 招商引资", "招商引资 region:河南", 0, 0 },
    /* a blank after the colon, and the fields' Chinese names */
    { "招商引资 region: 河南", "招商引资 region:河南", 0, 0 },
    { "招商引资 region：　河南", "招商引资 region:河南", 0, 0 },
    { "招商引资 地区：河南 年份:2019", "招商引资 region:河南 year:2019", 0, 0 },
    { "招商引资 类型:speech 标题:招商 讲话人:王凯",
      "招商引资 kind:speech title:招商 speaker:王凯", 0, 0 },
    { "所谓地区:河南", "所谓+地区+河南", 0, 0 }, /* not at a word's start: text */
    { "招商 －“招商引资”", "招商 -\"招商引资\"", 0, 0 },
    { "招商 ＯＲ 引资", "招商 OR 引资", 0, 0 },
    { "项目建设？", "项目建设", 0, 0 },
    /* a verb that ties a word to a figure goes, the word between stays whole
     * (letters too), and so does the verb alone before a figure */
    { "人均GDP突破1万美元", "人均+gdp{人均国内生产总值} 1+万美元{10000美元,一万美元}", 0, 0 },
    { "森林覆盖率 达到60%", "森林+覆盖率 60%{百分之六十}", 0, 0 },
    { "超过1000亿元", "1000+亿元{一千亿元,千亿元,1千亿元}", 0, 0 },
    /* letters are a word beside a year or a figure; an amount of 万/亿 ending
     * a word needs no measure word to stand apart */
    { "2019年GDP", "2019年 gdp{国内生产总值}", 0, 0 },
    { "GDP超过1万亿", "gdp{国内生产总值} 1+万亿{10000亿,一万亿}", 0, 0 },
    { "建成5G基站1万个", "建成+5g+基站 1+万个{10000个,一万个}", 0, 0 },
    { "两个一百年", "两个+一百年{两个100年,两个百年}", 0, 0 },     /* a slogan: no cut */
    /* particles and requests go beside letters too; a figure asked for
     * (…是多少) is the thing; a place's government report is the place */
    { "广东省的GDP", "广东省 gdp{国内生产总值}", 0, 0 },     /* 的 before letters cuts */
    { "关于GDP", "gdp{国内生产总值}", 0, 0 },
    { "人口是多少", "人口", 0, 0 },
    { "GDP是多少", "gdp{国内生产总值}", 0, 0 },
    { "郑州市政府工作报告", "郑州市", 0, 0 },
    { "郑州市人民政府工作报告", "郑州市", 0, 0 },
    { "人民政府工作报告", "人民政府", 0, 0 },
    /* 在 before a place, and the whole of a place after it, go */
    { "在河南的招商引资", "河南 招商引资", 0, 0 },
    { "河南各地的招商引资", "河南 招商引资", 0, 0 },
    { "在岗职工", "在岗+职工", 0, 0 },                 /* 在 before one character stays */
    /* when, how many: question words too */
    { "何时实施营改增", "营改增{营业税改征增值税}", 1, 0 },  /* no 营改: no word */
    { "营改增是哪一年", "营改增{营业税改征增值税}", 0, 0 },          /* one word asked about */
    { "贫困县有几个", "贫困县", 0, 0 },
    { "有多少个国家级新区", "国家级+新区", 0, 0 },
    { "从几个方面推进乡村振兴", "乡村振兴", 1, 0 },
    /* what a leader said of a thing: the leader and the thing */
    { "习近平总书记关于乡村振兴的重要论述", "习近平 乡村振兴", 0, 0 },
    { "重要指示", "重要+指示", 0, 0 },                 /* alone it stays */
    /* a dash or a tilde between years is a range's hyphen */
    { "2016～2020年 棚改", "棚改 year:2016..2020", 0, 0 },
    { "2016—2020年棚改", "棚改 year:2016..2020", 0, 0 },
    { "10~20万元", "10-20+万元{10—20万元,10至20万元}", 0, 0 },  /* a range: no forms of 20万元 */
    /* a figure typed with a digit and 千/百 is read in digits, outside quotes */
    { "1百万吨 乙烯", "100+万吨{1000000吨,一百万吨,百万吨,1百万吨} 乙烯", 0, 0 },
    { "进出口 5千亿美元", "进出口 5000+亿美元{五千亿美元,5千亿美元}", 0, 0 },
    { "\"1百万吨\"", "\"1百万吨\"", 0, 0 },
    { "1百万吨", "1+百万吨", 0, 1 },                  /* --exact: as typed */
    { "2016～2020年", "2016+2020年", 0, 1 },
    { "1.5千亿", "1.5+千亿", 0, 0 },
    { "3千瓦", "3+千瓦{三千瓦}", 0, 0 },          /* kilo-: three 千瓦 */
    { "项目建设 招商引资？", "项目建设 招商引资", 0, 0 },
    { "项目建设吗？", "项目建设", 0, 0 },                  /* one word asked about */
    { "项目建设如何推进？", "项目建设", 0, 0 },              /* …and general words after it */
    { "如何推进项目建设？", "项目建设", 1, 0 },
    /* a list's marks separate words as blanks do; a comma inside a figure does not */
    { "项目建设，招商引资", "项目建设 招商引资", 0, 0 },
    { "项目建设、招商引资；科技创新。", "项目建设 招商引资 科技创新", 0, 0 },
    { "项目建设,招商引资", "项目建设 招商引资", 0, 0 },
    { "“项目建设，招商引资”", "\"项目建设招商引资\"", 0, 0 }, /* a phrase stays one */
    /* so does a conjunction between words of two characters or more */
    { "项目建设和招商引资", "项目建设 招商引资", 0, 0 },
    { "项目建设与招商引资及科技创新", "项目建设 招商引资 科技创新", 0, 0 },
    { "人与自然", "人与自然", 0, 0 },                      /* a dictionary word: whole */
    { "和谐社会", "和谐社会", 0, 0 },                      /* 和 inside a word */
    /* ... and beside a single character or letters (猪和价格, A股和上市) */
    { "猪和价格", "猪 价格", 0, 0 },
    { "蚕和茧", "蚕 茧", 0, 0 },
    { "A股和上市", "a股 上市", 0, 0 },
    /* 或 joins two as 和 does; a plus between words is the reports' notation
     * for two joined (光伏+扶贫), not between figures; 相结合 says they are */
    { "项目建设或招商引资", "项目建设 招商引资", 0, 0 },
    { "项目建设或者招商引资", "项目建设 招商引资", 0, 0 },
    { "项目建设+招商引资", "项目建设 招商引资", 0, 0 },
    { "项目建设＋招商引资", "项目建设 招商引资", 0, 0 },
    { "\"项目建设+招商引资\"", "\"项目建设+招商引资\"", 0, 0 },   /* quoted: as typed */
    { "9+2工程", "9+2+工程", 0, 0 },
    { "+项目建设", "项目建设", 0, 0 },
    { "互联网+政务服务", "互联网++政务服务{互联网加政务服务}", 0, 0 }, /* of the table */
    { "项目建设与招商引资相结合", "项目建设 招商引资", 0, 0 },
    /* ... and so do a slash, bar, ampersand or hyphen between words of two
     * characters or more, no figure in them (nineteenth round) */
    { "项目建设/招商引资", "项目建设 招商引资", 0, 0 },
    { "项目建设-招商引资", "项目建设 招商引资", 0, 0 },
    { "项目建设|招商引资", "项目建设 招商引资", 0, 0 },
    { "项目建设&招商引资", "项目建设 招商引资", 0, 0 },
    { "万元/亩", "万元+亩", 0, 0 },                          /* a unit */
    { "\"项目建设/招商引资\"", "\"项目建设招商引资\"", 0, 0 },     /* quoted: one */
    { "党和国家", "党和国家", 0, 0 },
    { "中和", "中和", 0, 0 },                              /* a word: no particle goes */
    /* a noun of one character before a word: two words, as 猪的价格 (the
     * text says 生猪市场价格, 亚洲象栖息地保护) */
    { "猪价格", "猪 价格", 0, 0 },
    { "象保护", "象 保护", 0, 0 },
    { "馆免费开放", "馆 免费+开放", 0, 0 },
    /* ... not the level of a government (the city's museum), nor a
     * character of the synonym table (赣 is 江西) */
    { "市博物馆", "市+博物馆", 0, 0 },
    { "孔某某", "孔+某某", 0, 0 },                             /* a person's name */
    { "赣政通", "赣+政通", 0, 0 },
    /* ... and a measure word (亩均投资强度, 投资强度…万元/亩: never 亩投资) */
    { "亩投资强度", "亩+投资+强度", 0, 0 },
    { "名教师工程", "名教师+工程", 0, 0 },                  /* 名 (famous) modifies its word */
    { "公租房", "公租房{公共租赁住房}", 0, 0 },              /* the synonym table's */
    { "再就业", "再就业", 0, 0 },                          /* 再 is no noun */
    { "新基建", "新基建", 0, 0 },                          /* 新 goes with its word */
    /* particles that end or begin a word say nothing of it; 的 inside one
     * joins its units, which may then stand apart */
    { "乡村振兴的", "乡村振兴", 0, 0 },
    { "的乡村振兴", "乡村振兴", 0, 0 },
    { "招商引资等", "招商引资", 0, 0 },
    { "乡村振兴的人才", "乡村振兴 人才", 0, 0 },            /* words of two or more: cut */
    { "新的增长点", "新+增长点", 0, 0 },                    /* a single character: joined */
    { "猪的价格", "猪 价格", 0, 0 },                        /* ... but a thing of its own */
    { "茶的出口", "茶 出口", 0, 0 },
    { "IPv6的规模部署", "ipv6 规模+部署", 0, 0 },            /* letters */
    /* two long words typed together are two words; a short one stays, and
     * so does a word of the synonym table */
    { "招商引资项目建设", "招商引资 项目建设", 0, 0 },
    { "医药卫生体制改革", "医药卫生+体制改革{医改}", 0, 0 },
    { "发展研究中心", "发展+研究+中心{国研中心}", 0, 0 },      /* no question either */
    { "两个一百年", "两个+一百年{两个100年,两个百年}", 0, 0 }, /* no figure and a word */
    { "乡村振兴人才", "乡村振兴+人才", 0, 0 },
    { "两新的政策", "两新 政策", 0, 0 },                    /* a thing, no request, after 的 */
    { "目的", "目的", 0, 0 },                              /* 的 inside a word */
    { "的", "的", 0, 0 },                                  /* nothing else: kept */
    { "\"项目建设和招商引资\"", "\"项目建设和招商引资\"", 0, 0 },
    /* words of the request around a keyword say nothing of it (关于…,
     * …情况, 有关…的讲话, …工作 after a word that is not a common one of
     * two characters); a question keeps its own reading of them */
    { "关于乡村振兴", "乡村振兴", 0, 0 },
    { "乡村振兴情况", "乡村振兴", 0, 0 },
    { "有关乡村振兴的讲话", "乡村振兴", 0, 0 },
    { "乡村振兴的相关工作", "乡村振兴", 0, 0 },
    { "乡村振兴 情况", "乡村振兴", 0, 0 },
    { "招商引资工作", "招商引资", 0, 0 },
    { "政府工作", "政府+工作", 0, 0 },                      /* a common word of two */
    { "情况", "情况", 0, 0 },                              /* nothing else: kept */
    { "近年来的乡村振兴", "乡村振兴", 0, 0 },
    { "近五年的乡村振兴", "乡村振兴", 0, 0 },                /* recent years */
    { "近3年来 乡村振兴", "乡村振兴", 0, 0 },
    { "五年规划", "五年+规划", 0, 0 },                      /* a count of years, no span */
    { "十三五期间乡村振兴", "十三五 乡村振兴", 0, 0 },       /* when and what */
    { "2020年以前的乡村振兴", "2020年 乡村振兴", 0, 0 },
    { "今年的重点工作", "今年 重点+工作", 0, 0 },           /* 重点工作: common */
    { "乡村振兴的相关工作", "乡村振兴", 0, 0 },
    { "我想了解乡村振兴", "乡村振兴", 0, 0 },                /* who asks and how */
    { "帮我找乡村振兴的内容", "乡村振兴", 0, 0 },
    { "各地乡村振兴的情况", "乡村振兴", 0, 0 },
    { "我想了解如何推进乡村振兴", "乡村振兴", 1, 0 },
    { "各地是如何推进乡村振兴的", "乡村振兴", 1, 0 },
    { "推进乡村振兴的具体措施有哪些", "乡村振兴", 1, 0 },
    { "查处违法", "查处+违法", 0, 0 },                      /* a word that begins with 查 */
    /* where it was said, in a collection of such texts */
    { "政府工作报告中的乡村振兴", "乡村振兴", 0, 0 },
    { "乡村振兴 政府工作报告", "乡村振兴", 0, 0 },
    { "政府工作报告", "政府+工作+报告", 0, 0 },             /* alone: the words */
    { "十四五期间的乡村振兴", "十四五 乡村振兴", 0, 0 },
    /* a person's name and what is said of the person: the name */
    { "王凯同志", "王凯", 0, 0 },
    { "王凯书记强调", "王凯", 0, 0 },
    { "王凯的讲话精神", "王凯", 0, 0 },           /* no name ends with 的 (王凯的) */
    { "王凯说过什么", "王凯", 0, 0 },                /* what a person said */
    { "王凯曾经说", "王凯", 0, 0 },
    { "王凯是什么意思", "王凯", 0, 0 },                   /* no name ends with 是 */
    { "王凯的重要指示精神", "王凯", 0, 0 },
    { "王凯的观点", "王凯", 0, 0 },
    { "孔繁森讲话精神", "孔繁森", 0, 0 },
    { "王凯 项目建设", "王凯 项目建设", 0, 0 },
    { "王凯关于项目建设的讲话", "王凯 项目建设", 0, 0 },      /* who and what */
    { "2018年以来的重点项目", "2018年 重点项目", 0, 0 },
    { "2015年至2020年 乡村振兴", "乡村振兴 year:2015..2020", 0, 0 },  /* years: the filter */
    { "2015-2020年乡村振兴", "乡村振兴 year:2015..2020", 0, 0 },
    { "\"2015年至2020年\"", "\"2015年至2020年\"", 0, 0 },
    /* years listed: any of them, the filter (twentieth round) */
    { "2019年和2020年 乡村振兴", "乡村振兴 year:2019 year:2020", 0, 0 },
    { "2019年、2020年 乡村振兴", "乡村振兴 year:2019 year:2020", 0, 0 },
    { "2019、2020年 乡村振兴", "乡村振兴 year:2019 year:2020", 0, 0 },
    { "2019年、2020年", "2019年 2020年", 0, 0 },              /* alone: the words */
    { "2019年 2020年 乡村振兴", "2019年 2020年 乡村振兴", 0, 0 }, /* typed apart: each */
    { "關於鄉村振興", "乡村振兴", 0, 0 },                  /* traditional script */
    { "鄉村振興 情況", "乡村振兴", 0, 0 },
    { "招商 -引资工作", "招商 -引资+工作", 0, 0 },          /* excluded as typed */
    { "\"乡村振兴情况\"", "\"乡村振兴情况\"", 0, 0 },
    { "关于如何推进乡村振兴", "乡村振兴", 1, 0 },
    { "乡村振兴的意义", "乡村振兴", 0, 0 },
    { "乡村振兴政策", "乡村振兴+政策", 0, 0 },              /* a thing asked for */
    { "人才政策", "人才+政策", 0, 0 },
    { "乡村振兴 政策", "乡村振兴 政策", 0, 0 },              /* typed apart: a word */
    { "项目建设和政策", "项目建设 政策", 0, 0 },              /* a word of its own */
    /* the scene, the basis, a verb cut in two, where (nineteenth round) */
    { "营商环境背景下的条例", "营商环境 条例", 0, 0 },
    { "营商环境视角下的条例", "营商环境 条例", 0, 0 },
    { "基于营商环境的条例", "营商环境 条例", 0, 0 },
    { "聚焦主业", "聚焦+主业", 0, 0 },                              /* no 的: a slogan */
    { "营商环境赋能夜间经济", "营商环境 夜间经济", 0, 0 },
    { "营商环境中夜间经济", "营商环境 夜间经济", 0, 0 },
    { "在营商环境中夜间经济", "营商环境 夜间经济", 0, 0 },
    { "稳中向好", "稳中向好", 0, 0 },
    { "发展稳中向好", "发展稳中向好", 0, 0 },
    /* which kind (nineteenth round): 哪 and the kind the segmenter cuts
     * off ask, as 哪些 does */
    { "哪类企业享受专项债", "企业|享受|专项债", 1, 0 },
    { "哪一种模式适合乡村旅游", "模式|适合|乡村旅游", 1, 0 },
    { "哪吒", "哪吒", 0, 0 },
    /* the scene of a question (情况下, 条件下, 新形势下) */
    { "什么情况下启动应急响应", "启动|应急|响应", 1, 0 },
    { "常态化条件下如何复工复产", "常态化|复工|复产", 1, 0 },
    { "新形势下如何推进招商", "招商", 1, 0 },
    /* a question of one word is the keyword query of the word */
    { "什么是发改委", "发改委{发展改革委,发展和改革委员会}", 0, 0 },
    /* ... and what a name of several words is asks for the name (not the
     * ways of doing: 如何培育壮大产业集群 is a question) */
    { "什么是资源型城市转型", "资源型+城市+转型", 0, 0 },
    { "什么叫西部陆海新通道", "西部+陆海+新通道", 0, 0 },
    { "何为混改", "混改{混合所有制改革}", 0, 0 },
    { "何谓资源型城市转型", "资源型+城市+转型", 0, 0 },
    { "乡村振兴怎么样", "乡村振兴", 0, 0 },
    { "五千万吨是什么", "五千+万吨{5000万吨,50000000吨,5千万吨}", 0, 0 },
    { "谁是王凯", "王凯", 0, 0 },
    { "乡村振兴 怎么办", "乡村振兴", 0, 0 },                /* the asking typed apart */
    { "乡村振兴存在的问题", "乡村振兴", 0, 0 },              /* the state of a thing */
    { "乡村振兴取得了哪些成效", "乡村振兴", 0, 0 },
    { "乡村振兴面临的困难", "乡村振兴", 0, 0 },
    { "乡村振兴面临哪些困难", "乡村振兴", 0, 0 },  /* asks which (a question until the
                                                      * twenty-second round: 0.67 against
                                                      * 0.84 typed alone, real tuning half) */
    { "乡村振兴存在哪些短板", "乡村振兴", 0, 0 },
    { "乡村振兴的困难", "乡村振兴", 0, 0 },              /* 的 and the noun, no verb */
    { "乡村振兴的突出问题", "乡村振兴", 0, 0 },
    { "乡村振兴的短板弱项", "乡村振兴", 0, 0 },
    { "群众反映强烈的突出问题", "群众反映|强烈|突出", 1, 0 }, /* an adjective before 的 */
    /* a verb right after a noun before 的: a thing done, named so; not a
     * verb by which someone raises what is wrong */
    { "矿山修复的突出问题", "矿山+修复", 0, 0 },
    { "老工业基地振兴的困难", "老工业+基地+振兴", 0, 0 },
    { "企业反映的困难", "企业|反映|困难", 1, 0 },
    /* a name of the table before 的, whatever the dictionary tags it */
    { "医改的困难", "医改{医药卫生体制改革}", 0, 0 },
    { "双碳的困难", "双碳{碳达峰碳中和}", 0, 0 },
    { "如何理解乡村振兴", "乡村振兴", 0, 0 },            /* what it means */
    { "哪些地方乡村振兴做得好", "乡村振兴", 0, 0 },      /* how well it is done */
    { "乡村振兴做得好的地方", "乡村振兴", 0, 0 },
    { "乡村振兴典型案例", "乡村振兴", 0, 0 },            /* a paper's name glued */
    { "乡村振兴实施方案", "乡村振兴", 0, 0 },
    { "乡村振兴的工作部署", "乡村振兴", 0, 0 },
    { "十大典型案例", "十大+典型+案例", 0, 0 },           /* after a count: a name */
    /* the material asked for on a thing, or a piece written on it
     * (twenty-third round: each found nothing) */
    { "乡村振兴金句", "乡村振兴", 0, 0 },
    { "关于乡村振兴的金句", "乡村振兴", 0, 0 },
    { "乡村振兴素材", "乡村振兴", 0, 0 },
    { "乡村振兴写作素材", "乡村振兴", 0, 0 },
    { "乡村振兴简介", "乡村振兴", 0, 0 },
    { "乡村振兴的讲话摘录", "乡村振兴", 0, 0 },
    { "乡村振兴重要论述摘编", "乡村振兴", 0, 0 },
    { "乡村振兴表态发言", "乡村振兴", 0, 0 },
    { "简述乡村振兴", "乡村振兴", 0, 0 },
    { "谈乡村振兴", "乡村振兴", 0, 0 },
    { "论乡村振兴", "乡村振兴", 0, 0 },
    { "金句", "金句", 0, 0 },                            /* alone: the word asked for */
    { "资料", "资料", 0, 0 },
    { "基本概况", "基本+概况", 0, 0 },                   /* after a common word: a word */
    { "地质资料", "地质+资料", 0, 0 },
    { "谈判", "谈判", 0, 0 },                            /* a word of its own */
    /* ... how it was put, how that changed (twenty-third round: each a
     * keyword of its own or glued, found nothing) */
    { "乡村振兴的素材", "乡村振兴", 0, 0 },
    { "乡村振兴的简介", "乡村振兴", 0, 0 },
    { "乡村振兴的写法", "乡村振兴", 0, 0 },
    { "乡村振兴排比句", "乡村振兴", 0, 0 },
    { "乡村振兴小标题", "乡村振兴", 0, 0 },
    { "乡村振兴经典语句", "乡村振兴", 0, 0 },
    { "乡村振兴精彩段落", "乡村振兴", 0, 0 },
    { "乡村振兴原话", "乡村振兴", 0, 0 },
    { "乡村振兴出处", "乡村振兴", 0, 0 },
    { "乡村振兴的演变", "乡村振兴", 0, 0 },
    { "乡村振兴历年变化", "乡村振兴", 0, 0 },
    { "乡村振兴发展历程", "乡村振兴", 0, 0 },
    { "乡村振兴的表述变化", "乡村振兴", 0, 0 },
    { "气候变化", "气候变化", 0, 0 },                    /* a word of its own */
    /* what a person said of a thing: the person and the thing (twenty-third
     * round: one glued word, found nothing) */
    { "李克强谈乡村振兴", "李克强 乡村振兴", 0, 0 },
    { "李克强说乡村振兴", "李克强 乡村振兴", 0, 0 },
    { "李克强提到乡村振兴", "李克强 乡村振兴", 0, 0 },
    { "习近平论乡村振兴", "习近平 乡村振兴", 0, 0 },
    { "王凯强调项目建设", "王凯 项目建设", 0, 0 },
    { "习近平总书记强调乡村振兴", "习近平 乡村振兴", 0, 0 }, /* a title after the name */
    { "会议强调项目建设", "会议+强调+项目建设", 0, 0 },       /* no name: one word */
    { "宣传说明", "宣传+说明", 0, 0 },
    /* the time since an event before the words (twenty-fourth round: one
     * glued word, found nothing) */
    { "改革开放以来乡村振兴", "乡村振兴", 0, 0 },
    { "党的十八大以来乡村振兴", "乡村振兴", 0, 0 },
    { "疫情以来乡村振兴", "乡村振兴", 0, 0 },
    { "多年来乡村振兴", "乡村振兴", 0, 0 },
    { "改革开放以来 乡村振兴", "乡村振兴", 0, 0 },          /* typed apart: the same */
    { "乡村振兴 党的十八大以来", "乡村振兴", 0, 0 },
    { "改革开放以来", "改革开放", 0, 0 },                  /* nothing else: the event */
    { "改革开放以来的成就", "改革开放 成就", 0, 0 },         /* a common word alone after it */
    { "2018年以来乡村振兴", "2018年 乡村振兴", 0, 0 },       /* a year: context */
    { "十三五以来乡村振兴", "十三五 乡村振兴", 0, 0 },       /* a plan: kept */
    /* the first time a thing was put (twenty-fourth round: found nothing) */
    /* ... the thing, of any length, after the word of the first time (a
     * question of 首次|提出 and the thing until the third session of
     * 2026-12-03: 0.67 against 0.84 typed alone on the real tuning half) */
    { "首次提出乡村振兴", "乡村振兴", 0, 0 },
    { "最早提出乡村振兴", "乡村振兴", 0, 0 },
    { "首次提出乡村振兴战略", "乡村振兴+战略", 0, 0 },
    /* ... and after the thing (林长制首次提出: nothing found) */
    { "林长制首次提出", "林长制", 0, 0 },
    { "林长制最早写入政府工作报告", "林长制", 0, 0 },
    { "首次提出建议", "首次+提出", 0, 0 },
    /* the start or end of a year before a word of two characters, or
     * letters: the year (2003年初非典 read 初非典 and found nothing) */
    { "2003年初非典", "2003年 非典", 0, 0 },
    { "2018年末GDP", "2018年 gdp{国内生产总值}", 0, 0 },
    { "2019年初心", "2019年 初心", 0, 0 },        /* a word of the dictionary */
    { "2018年初中", "2018年 初中", 0, 0 },
    { "2019年初中学生", "2019年 初中+学生", 0, 0 },
    /* ... unless that word leaves the character after it alone, and the
     * words read from after the part do not (初中|美 against 初|中美) */
    { "2019年初中美贸易摩擦", "2019年 中美+贸易+摩擦", 0, 0 },
    { "2008年初雪灾", "2008年 雪灾", 0, 0 }, /* (the fixture has no synonym table) */
    { "提出林长制", "林长制", 0, 0 },                      /* a short word: the word */
    { "首次提出林长制", "林长制", 0, 0 },
    { "提出建议", "提出+建议", 0, 0 },                     /* a common word of two stays */
    /* what of a thing is looked for, where it was written, where it came
     * from (twenty-fourth round: each found nothing) */
    { "乡村振兴政策汇总", "乡村振兴", 0, 0 },
    { "乡村振兴工作要点", "乡村振兴", 0, 0 },
    { "乡村振兴的关键词", "乡村振兴", 0, 0 },
    { "乡村振兴热词", "乡村振兴", 0, 0 },
    { "乡村振兴写进政府工作报告", "乡村振兴", 0, 0 },
    { "乡村振兴最早见于", "乡村振兴", 0, 0 },
    { "乡村振兴出自哪里", "乡村振兴", 0, 0 },
    { "林长制实施意见", "林长制", 0, 0 },
    { "贯彻落实林长制", "林长制", 0, 0 },
    /* the doing glued after a thing of three characters or more: the thing
     * (林长制落实 found 44 passages of 890); after a verb, an adverb or a
     * word of two characters it stays (整改落实, 统筹推进, 双减落实) */
    { "林长制落实", "林长制", 0, 0 },
    { "乡村振兴推进", "乡村振兴", 0, 0 },
    { "整改落实", "整改+落实", 0, 0 },
    { "统筹推进", "统筹+推进", 0, 0 },
    { "政策落实", "政策+落实", 0, 0 },
    /* the tasks of a thing glued to it: the thing, as after 的; not of a
     * five-year plan, nor the aims and tasks the reports write glued */
    { "林长制重点任务", "林长制", 0, 0 },
    { "乡村振兴主要任务", "乡村振兴", 0, 0 },
    { "十四五重点任务", "十四五+重点+任务", 0, 0 },
    { "脱贫攻坚目标任务", "脱贫攻坚+目标+任务", 0, 0 },
    { "经济社会发展主要任务", "经济社会+发展+主要+任务", 0, 0 }, /* a heading */
    { "奋斗目标和主要任务", "奋斗目标 主要+任务", 0, 0 },
    { "工作要点", "工作+要点", 0, 0 },                     /* after a common word: a word */
    { "哪位领导讲过乡村振兴", "讲|乡村振兴", 1, 0 },          /* who: the asking */
    { "乡村振兴 素材", "乡村振兴", 0, 0 },                   /* material typed apart */
    { "乡村振兴 原话", "乡村振兴", 0, 0 },
    { "素材", "素材", 0, 0 },                              /* nothing else: kept */
    { "王凯讲话全文", "王凯", 0, 0 },
    /* the ways and plans of a thing asked for, glued after it (twenty-fifth
     * round: each found nothing) */
    { "林长制主要举措", "林长制", 0, 0 },
    { "营商环境具体措施", "营商环境", 0, 0 },
    { "乡村振兴主要措施", "乡村振兴", 0, 0 },
    { "林长制新举措", "林长制", 0, 0 },
    { "林长制的新举措", "林长制", 0, 0 },
    { "营商环境工作思路", "营商环境", 0, 0 },
    { "林长制今后打算", "林长制", 0, 0 },
    { "林长制下一步打算", "林长制", 0, 0 },               /* the segmenter cuts 下|一步 */
    { "营商环境下一步工作", "营商环境", 0, 0 },
    { "新举措", "新举措", 0, 0 },                          /* nothing else: kept */
    { "出台新举措", "出台+新举措", 0, 0 },
    { "十四五主要举措", "十四五+主要+举措", 0, 0 },          /* a plan's: a name */
    /* the tasks of a thing: the thing (found 5 passages as typed, of 2,000;
     * kept whole until the third session of 2026-12-03) */
    { "乡村振兴重点任务", "乡村振兴", 0, 0 },
    /* its aims, problems, news and results asked for, after a thing only
     * (twenty-sixth round: each found nothing) */
    { "林长制新进展", "林长制", 0, 0 },                    /* the segmenter's 新进展 */
    { "林长制总体要求", "林长制", 0, 0 },
    { "营商环境的突出问题", "营商环境", 0, 0 },
    { "林长制存在问题", "林长制", 0, 0 },
    { "营商环境存在的问题", "营商环境", 0, 0 },            /* as before (state_verbs) */
    { "乡村振兴成绩单", "乡村振兴", 0, 0 },
    { "林长制新突破", "林长制", 0, 0 },
    { "新时代新要求", "新时代+新要求", 0, 0 },              /* a slogan: kept */
    { "新形势新要求", "新形势+新要求", 0, 0 },              /* 新|形势 */
    { "新发展阶段新要求", "新发展+阶段+新要求", 0, 0 },
    { "高质量发展新要求", "高质量发展+新要求", 0, 0 },      /* ends with a general word */
    { "实现新突破", "实现+新突破", 0, 0 },                  /* after a general verb */
    { "新进展", "新进展", 0, 0 },                          /* nothing else: kept */
    { "取得新进展", "取得+新进展", 0, 0 },                  /* 新进展 whole, not 取得新 */
    { "新基建新进展", "新基建+新进展", 0, 0 },              /* a 新 thing: both, as typed */
    { "上述总体要求", "上述+总体+要求", 0, 0 },            /* points back: kept */
    { "林长制新进展新成效", "林长制+新进展新", 0, 0 },    /* a pair: as before */
    /* letters glued to a figure with its unit: apart (twenty-fourth round) */
    { "人均GDP1万美元", "人均+gdp{人均国内生产总值} 1+万美元{10000美元,一万美元}", 0, 0 },
    { "GDP10亿元", "gdp{国内生产总值} 10+亿元{十亿元}", 0, 0 },
    { "PM2.5浓度", "pm2.5+浓度", 0, 0 },                             /* no unit after: one run */
    /* over the years (twenty-third round: a keyword of its own) */
    { "历年乡村振兴", "乡村振兴", 0, 0 },
    { "乡村振兴各年份", "乡村振兴", 0, 0 },
    { "乡村振兴历年", "乡村振兴", 0, 0 },
    { "历年", "历年", 0, 0 },
    /* which place, which year after the question word: the asking
     * (twenty-third round) */
    { "哪个省提出了乡村振兴", "提出|乡村振兴", 1, 0 },
    { "哪些城市获批国家中心城市", "获批|国家|中心|城市", 1, 0 },
    { "什么地方发展螺蛳粉", "螺蛳粉|螺蛳", 1, 0 },
    { "每年新增就业", "每年+新增+就业", 0, 0 },           /* 每年 stays: a thing done */
    { "人口变迁", "人口+变迁", 0, 0 },                   /* after a common word: a word */
    { "三明背景下的医改", "三明 医改{医药卫生体制改革}", 0, 0 }, /* a place, not a count */
    /* a character between two words goes with the word after it where the
     * two are a word of the synonym table (twenty-second round) */
    { "重庆公租房", "重庆+公租房{重庆公共租赁住房}", 0, 0 },
    { "三供一业推进情况", "三供+一业{供水供电供暖和物业管理}", 0, 0 },               /* a count inside the name */
    { "培育专精特新中小企业的典型案例", "培育|专精特新|中小企业", 1, 0 }, /* after 的: a question */
    /* the means one thing moves another by, before it (twenty-second
     * round; 以 since the fifteenth) and how two go together asked at the
     * end: the two things */
    { "用旅游带动就业", "旅游 就业", 0, 0 },
    { "通过旅游带动就业", "旅游 就业", 0, 0 },
    { "景德镇和试验区如何结合", "景德镇 试验区", 0, 0 },
    { "景德镇与试验区怎样融合", "景德镇 试验区", 0, 0 },
    { "如何推进医养结合", "医养|结合", 1, 0 },             /* after the thing: a word of it */
    /* asked where to begin, by what, how to break through (twenty-second
     * round); 何 alone is a surname */
    { "村级集体经济从何入手", "村级|集体经济", 1, 0 },
    { "电力体制改革如何破局", "电力|体制改革", 1, 0 },
    { "盐碱地有何良策", "盐碱地", 0, 0 },
    { "何立峰", "何立峰", 0, 0 },
    { "何立峰 调研", "何立峰 调研", 0, 0 },
    /* an event with the year asked how it was met, what it did, what was
     * learnt (twenty-second round) */
    { "2008年雨雪冰冻是怎么应对的", "2008年 雨雪+冰冻", 0, 0 },
    { "2008年雨雪冰冻造成的损失", "2008年 雨雪+冰冻", 0, 0 },
    { "2008年雨雪冰冻的经验教训", "2008年 雨雪+冰冻", 0, 0 },
    { "回顾2008年雨雪冰冻", "2008年 雨雪+冰冻", 0, 0 },
    { "人口老龄化如何应对", "人口老龄化", 0, 0 },
    /* two things joined by 的, then the asking (twenty-second round): the
     * two, as typed apart; a longer text with no asking stays */
    { "景德镇的试验区怎么样", "景德镇 试验区", 0, 0 },
    { "乡村振兴的人才情况如何", "乡村振兴 人才", 0, 0 },
    { "王战营怎么看", "王战营", 0, 0 },                        /* what the person said */
    { "如何应对人口老龄化", "应对|人口老龄化", 1, 0 },        /* before the thing: a word */
    /* ... of a name of several words too: the name as typed alone */
    { "煤电油运存在的问题", "煤电+油运", 0, 0 },
    { "三重一大面临的困难", "三重+一大{重大事项决策重要干部任免}", 0, 0 },
    { "C919大飞机遇到的困难", "c919+大飞机", 0, 0 },
    /* ... with an adverb before the verb, an adjective before the noun, or
     * the verb glued by the dictionary to the word before it */
    { "乡村振兴仍然存在的问题", "乡村振兴", 0, 0 },
    { "营商环境存在的突出问题", "营商环境", 0, 0 },
    { "乡村振兴面临的主要困难", "乡村振兴", 0, 0 },
    { "中小企业普遍存在的问题", "中小企业", 0, 0 },
    { "两型社会存在的问题", "两型+社会", 0, 0 },               /* 两型|社会存在 */
    /* how it goes, what came of it, the ways of it: the thing */
    { "夜间经济的现状", "夜间经济", 0, 0 },
    { "夜间经济推进情况", "夜间经济", 0, 0 },
    { "夜间经济工作开展情况", "夜间经济", 0, 0 },
    { "夜间经济的最新进展", "夜间经济", 0, 0 },
    { "夜间经济的成效", "夜间经济", 0, 0 },
    { "夜间经济方面的工作", "夜间经济", 0, 0 },
    { "夜间经济的典型做法", "夜间经济", 0, 0 },
    { "夜间经济的成功经验", "夜间经济", 0, 0 },
    { "全面推进新基建", "新基建", 0, 0 },
    { "乡村振兴的人才", "乡村振兴 人才", 0, 0 },              /* two things */
    { "怎样宣传典型", "宣传|典型", 1, 0 },                    /* 典型: what is asked about */
    { "如何推广成功经验", "推广|成功经验", 1, 0 },            /* ... and 成功经验 here */
    { "发展临空经济有哪些成功经验", "临空|经济", 1, 0 },           /* a lesson of the thing */
    { "缓解城市交通拥堵的典型案例", "缓解|城市|交通拥堵", 1, 0 },
    { "整治农村空心村的经验启示", "整治|农村|空心村|空心", 1, 0 },
    { "夜间经济的经验启示", "夜间经济", 0, 0 },
    /* one thing moving another, and where a thing stands: two keywords */
    { "电商助力乡村振兴", "电商 乡村振兴", 0, 0 },
    { "以旅游带动就业", "旅游 就业", 0, 0 },
    { "科技创新推动产业升级", "科技创新 产业+升级", 0, 0 },
    { "以奖代补", "以奖代补", 0, 0 },                        /* no verb of moving: one word */
    { "营商环境下的条例", "营商环境 条例", 0, 0 },
    { "文化领域的人才", "文化 人才", 0, 0 },
    { "招商过程中的服务", "招商 服务", 0, 0 },
    /* ... typed long it is no run of text (A, where, 的, B: two keywords),
     * and the where joined to a word by the segmenter (教育领域) goes too */
    { "老旧小区改造过程中的加装电梯", "老旧小区+改造 加装+电梯", 0, 0 },
    { "职业教育领域的产教融合", "职业+教育 产教融合", 0, 0 },
    { "光伏过程中的扶贫", "光伏 扶贫", 0, 0 },
    { "营商环境里面的条例", "营商环境 条例", 0, 0 },
    { "营商环境当中的条例", "营商环境 条例", 0, 0 },
    /* what is said of two: between them, combined, in two respects; and a
     * thing that brings another */
    { "营商环境与条例之间", "营商环境 条例", 0, 0 },
    { "营商环境与条例的结合", "营商环境 条例", 0, 0 },
    { "营商环境和条例两方面", "营商环境 条例", 0, 0 },
    { "营商环境和条例两个方面", "营商环境 条例", 0, 0 },
    /* two things asked for their ways or their state: the things, as typed
     * apart (twentieth round); what is to be done stays a question */
    { "营商环境和条例的具体措施", "营商环境 条例", 0, 0 },
    { "营商环境与条例存在的问题", "营商环境 条例", 0, 0 },
    { "营商环境及条例有哪些措施", "营商环境 条例", 0, 0 },
    { "吞吐量和一亿吨的主要举措", "吞吐量 一亿吨{1亿吨}", 0, 0 },
    { "培育龙头企业和产业集群的具体措施", "培育|龙头企业|产业|集群", 1, 0 },
    { "营商环境或条例的具体措施", "营商环境|条例", 1, 0 },
    { "营商环境、条例的具体措施", "营商环境 条例", 0, 0 },      /* listed with 、 */
    { "营商环境及其条例", "营商环境 条例", 0, 0 },             /* 及其: and its */
    { "营商环境、条例、招商引资存在的问题", "营商环境 条例 招商引资", 0, 0 },
    { "如何推进营商环境、条例", "营商环境 | 条例", 1, 0 },
    { "关于营商环境和条例的具体措施", "营商环境 条例", 0, 0 },  /* after a request */
    { "关于营商环境、条例的具体措施", "营商环境 条例", 0, 0 },
    { "如何推进营商环境和条例的具体措施", "营商环境|条例", 1, 0 },
    { "产业转移带来的就业", "产业+转移 就业", 0, 0 },
    { "城镇化过程中的问题", "城镇化", 0, 0 },
    { "如何推进重点领域改革", "重点|改革", 1, 0 },            /* a question: no thing */
    /* an aspect of a thing asked for: the thing */
    { "解读夜间经济", "夜间经济", 0, 0 },
    { "夜间经济政策解读", "夜间经济", 0, 0 },
    { "夜间经济的背景", "夜间经济", 0, 0 },
    { "夜间经济的主要内容", "夜间经济", 0, 0 },
    /* ... what is said of it, why it matters, what was done (eighteenth round) */
    { "夜间经济的相关报道", "夜间经济", 0, 0 },
    { "夜间经济的重要意义", "夜间经济", 0, 0 },
    { "夜间经济的实践", "夜间经济", 0, 0 },
    { "夜间经济的探索", "夜间经济", 0, 0 },
    { "夜间经济的发展", "夜间经济", 0, 0 },
    { "夜间经济这一块", "夜间经济", 0, 0 },
    { "夜间经济工作总结", "夜间经济", 0, 0 },
    { "夜间经济的做法与成效", "夜间经济", 0, 0 },
    { "工作总结", "工作+总结", 0, 0 },                        /* alone: whole */
    { "全面推行街长制", "街长制", 0, 0 },                      /* how it is put in force */
    { "实行夜间经济", "夜间经济", 1, 0 },                      /* as 推进夜间经济 */
    { "夜间经济的推行", "夜间经济", 0, 0 },
    { "夜间经济实施以来", "夜间经济", 0, 0 },
    /* ... its aims, tasks, course, outlook, state (nineteenth round): after
     * 的 however the segmenter cuts them; glued without 的 they stay */
    { "乡村振兴的目标任务", "乡村振兴", 0, 0 },
    { "乡村振兴的配套政策", "乡村振兴", 0, 0 },                /* its papers (twentieth round) */
    { "乡村振兴的原因", "乡村振兴", 0, 0 },
    { "配套政策", "配套+政策", 0, 0 },                        /* alone: the word */
    { "乡村振兴的规模", "乡村振兴", 0, 0 },                    /* how big */
    { "乡村振兴增长了多少", "乡村振兴", 0, 0 },
    { "乡村振兴有多大", "乡村振兴", 0, 0 },
    { "各省乡村振兴", "乡村振兴", 0, 0 },                      /* the places one by one */
    { "各市招商引资", "招商引资", 0, 0 },
    { "规模以上工业", "规模以上工业", 0, 0 },
    { "乡村振兴搞得好不好", "乡村振兴", 0, 0 },                /* how well it is done */
    { "乡村振兴有哪些亮点", "乡村振兴", 0, 0 },
    { "乡村振兴的领导讲话", "乡村振兴", 0, 0 },                /* the papers that tell of it */
    { "乡村振兴典型材料", "乡村振兴", 0, 0 },
    { "乡村振兴工作汇报", "乡村振兴", 0, 0 },
    /* a thing, 的, a common word and 问题 or 工作: the two things (twenty-first
     * round); alone the common word keeps them (人才问题) */
    { "乡村振兴的人才问题", "乡村振兴 人才", 0, 0 },
    { "乡村振兴的人才工作", "乡村振兴 人才", 0, 0 },
    { "教育的公平问题", "教育 公平", 0, 0 },
    { "人才问题", "人才+问题", 0, 0 },
    /* one word of letters or digits: no word before it to trim (a read
     * before the words crashed on 50% in the twenty-first round) */
    { "50%", "50%{百分之五十}", 0, 0 },
    { "5G", "5g", 0, 0 },
    /* a thing's growth or building glued after it stays a term (twenty-first
     * round: read as the thing, it lowered a held-out query; after 的 the
     * aspect goes) */
    { "夜间经济发展", "夜间经济+发展", 0, 0 },
    { "夜间经济的建设", "夜间经济", 0, 0 },
    { "绿色发展", "绿色+发展", 0, 0 },
    { "项目建设", "项目建设", 0, 0 },
    { "高质量发展", "高质量发展", 0, 0 },
    { "夜间经济取得成效", "夜间经济", 0, 0 },                  /* what came of it */
    { "取得成效", "取得成效", 0, 0 },
    /* a paper's name of the ways of it or a study of it, glued: the thing
     * (twenty-first round); after a kind of way, a figure or a common word
     * it stays */
    { "夜间经济对策", "夜间经济", 0, 0 },
    { "夜间经济路径研究", "夜间经济", 0, 0 },
    { "夜间经济调研报告", "夜间经济", 0, 0 },
    /* 情况汇报 after a figure, or typed apart, is the request too (五千万吨
     * 情况汇报 found nothing) */
    { "五千万吨情况汇报", "五千+万吨{5000万吨,50000000吨,5千万吨}", 0, 0 },
    { "双碳 情况汇报", "双碳{碳达峰碳中和}", 0, 0 },
    { "十项措施", "十项+措施", 0, 0 },
    { "光伏 治理对策", "光伏 治理", 0, 0 },                    /* beside others: the word */
    { "2008年雨雪冰冻的应对", "2008年 雨雪+冰冻", 0, 0 },       /* how it was met */
    { "2008年雨雪冰冻后", "2008年 雨雪+冰冻", 0, 0 },           /* the time after it */
    { "2008年抗击雨雪冰冻", "2008年 雨雪+冰冻", 0, 0 },         /* the verb of meeting it */
    /* a verb between a thing and its figure, at the end only (twenty-first
     * round): 新增就业 at the start stays */
    { "光伏新增一百万套", "光伏 一百万套{100万套,1000000套,百万套,1百万套}", 0, 0 },
    { "光伏增加一百万套", "光伏 一百万套{100万套,1000000套,百万套,1百万套}", 0, 0 },
    { "光伏是一百万套", "光伏 一百万套{100万套,1000000套,百万套,1百万套}", 0, 0 },
    { "2008年雨雪冰冻以后", "2008年 雨雪+冰冻", 0, 0 },
    { "2008年雨雪冰冻时", "2008年 雨雪+冰冻", 0, 0 },
    { "灾后", "灾后", 0, 0 },
    { "新时期", "新时期", 0, 0 },
    { "安全措施", "安全措施", 0, 0 },
    /* the way of a thing after 之 (twenty-first round); whole words stay */
    { "乡村振兴之路", "乡村振兴", 0, 0 },
    /* a year without 年 before a word opening with a character that
     * counts (twenty-second round): the year and the word; a count and
     * its measure word stay */
    { "2009家电下乡", "2009 家电+下乡", 0, 0 },
    { "2019人口普查", "2019 人口普查", 0, 0 },
    { "2000家企业", "2000家{两千家,二千家} 企业", 0, 0 },
    { "2000人次", "2000+人次{两千人次,二千人次}", 0, 0 },
    { "3000家电商企业", "3000家{三千家} 电商+企业", 0, 0 },
    { "治理之道", "治理", 0, 0 },
    { "富民之策", "富民", 0, 0 },
    { "街长制之路", "街长制", 0, 0 },
    { "丝绸之路", "丝绸之路", 0, 0 },
    /* a thing with its rank glued after it: the thing and the rank
     * (twenty-first round); the rank alone stays */
    { "夜间经济全国第一", "夜间经济 全国+第一", 0, 0 },
    { "夜间经济稳居全国第一", "夜间经济 全国+第一", 0, 0 },
    { "夜间经济位居全国前列", "夜间经济 全国+前列", 0, 0 },
    { "夜间经济排名", "夜间经济 排名", 0, 0 },
    { "夜間經濟全國第一", "夜间经济 全国+第一", 0, 0 },
    { "全国第一", "全国+第一", 0, 0 },
    { "排名第一", "排名+第一", 0, 0 },
    { "\"夜间经济全国第一\"", "\"夜间经济全国第一\"", 0, 0 },
    { "天府之国", "天府之国", 0, 0 },
    /* a five-year plan with its time before a word: the plan and the word
     * (twentieth round) */
    { "十三五期间乡村振兴", "十三五 乡村振兴", 0, 0 },
    { "十四五时期的乡村振兴", "十四五 乡村振兴", 0, 0 },
    { "十二五以来乡村振兴", "十二五 乡村振兴", 0, 0 },
    { "十三五期間鄉村振興", "十三五 乡村振兴", 0, 0 },
    { "十三五时期", "十三五+时期", 0, 0 },                     /* alone: as typed */
    { "\"十三五时期\"乡村振兴", "\"十三五时期\" 乡村振兴", 0, 0 },
    { "夜间经济的重点任务", "夜间经济", 0, 0 },
    { "夜间经济的实施效果", "夜间经济", 0, 0 },
    { "夜间经济的发展历程", "夜间经济", 0, 0 },
    { "夜间经济的经验启示", "夜间经济", 0, 0 },
    { "夜间经济的总体要求", "夜间经济", 0, 0 },
    { "夜间经济的基本情况", "夜间经济", 0, 0 },
    { "夜间经济的工作思路", "夜间经济", 0, 0 },
    { "夜间经济的发展趋势", "夜间经济", 0, 0 },
    { "夜间经济的历史沿革", "夜间经济", 0, 0 },
    { "夜间经济的具体措施", "夜间经济", 0, 0 },
    /* ... and the ways of it, a kind of way before them: how it is done */
    { "夜间经济的具体措施", "夜间经济", 0, 0 },
    { "夜间经济的主要举措", "夜间经济", 0, 0 },
    { "夜间经济的实现路径", "夜间经济", 0, 0 },
    { "规范河道采砂管理的主要举措", "规范|河道|采砂|管理", 1, 0 },
    { "规范河道采砂管理的关键在哪", "规范|河道|采砂|管理", 1, 0 },
    { "夜間經濟的目標任務", "夜间经济", 0, 0 },              /* traditional script */
    { "夜间经济的特色", "夜间经济", 0, 0 },
    { "夜间经济的优势", "夜间经济", 0, 0 },
    { "党的历史", "党 历史", 0, 0 },                          /* one character: a name (党史) */
    { "做强陶瓷产业的总体要求", "强陶瓷|陶瓷|产业|总体|要求", 1, 0 }, /* a clause: a question */
    { "三供一业的目标任务", "三供+一业{供水供电供暖和物业管理}", 0, 0 },
    { "2019年项目建设事件", "2019年 项目建设", 0, 0 },
    { "处置突发事件的协作", "处置|突发事件|协作", 1, 0 },         /* 突发事件: a thing */
    { "重点任务", "重点+任务", 0, 0 },                        /* alone: whole */
    { "十四五重点任务", "十四五+重点+任务", 0, 0 },           /* no 的: a name */
    /* ... how it is taken in hand, its key, thoughts on it, talk of it */
    { "乡村振兴怎么抓", "乡村振兴", 0, 0 },
    { "谈谈乡村振兴", "乡村振兴", 0, 0 },
    { "浅谈夜间经济", "夜间经济", 0, 0 },
    { "发展夜间经济的关键是什么", "夜间经济", 1, 0 },
    { "发展夜间经济的几点思考", "夜间经济", 1, 0 },
    { "如何提升领导干部抓项目的本领", "领导|干部抓|干部|项目|本领", 1, 0 }, /* 抓 of a thing */
    { "绿色发展", "绿色+发展", 0, 0 },                        /* glued: a word */
    { "夜间经济包括哪些", "夜间经济", 0, 0 },
    { "夜间经济的实施方案", "夜间经济", 0, 0 },
    { "夜间经济工作的开展", "夜间经济", 0, 0 },
    { "总体要求", "总体+要求", 0, 0 },                        /* glued: a word of its own */
    { "四项基本原则", "四项+基本+原则", 0, 0 },
    /* a thing in a place, an event of a year with 那场 */
    { "彩灯在自贡", "彩灯 自贡", 0, 0 },
    { "在建项目", "在建+项目", 0, 0 },
    { "2019项目建设", "2019 项目建设", 0, 0 },                 /* a year without 年 */
    { "2000多", "2000多{两千多,二千多}", 0, 0 },                  /* what counts it: a figure */
    { "2000亩", "2000亩{两千亩,二千亩}", 0, 0 },                        /* 在建: a word */
    { "2008年那场地震", "2008年 地震", 0, 0 },
    /* what kind of thing it is: the thing */
    { "夜间经济是什么政策", "夜间经济", 0, 0 },
    { "什么政策", "政策", 0, 0 },
    { "发展临空经济有什么办法", "临空|经济", 1, 0 },          /* a way of doing: a question */
    /* since a year or a time of it: the year */
    { "2019年至今 招商引资", "2019年 招商引资", 0, 0 },
    { "十三五以来的脱贫攻坚", "十三五 脱贫攻坚", 0, 0 },
    { "2019年底 项目建设", "2019年 项目建设", 0, 0 },
    /* the year's parts and times (nineteenth round) */
    { "2019年上半年项目建设", "2019年 项目建设", 0, 0 },
    { "2019年一季度项目建设", "2019年 项目建设", 0, 0 },
    { "2019年全年项目建设", "2019年 项目建设", 0, 0 },
    { "2019年当年的项目建设", "2019年 项目建设", 0, 0 },
    { "2019年时的项目建设", "2019年 项目建设", 0, 0 },
    { "2019年份项目建设", "2019年 项目建设", 0, 0 },
    { "2019年份额", "2019年 份额", 0, 0 },                  /* 份额: a word */
    { "项目建设2019年", "项目建设 2019年", 0, 0 },             /* the year at the end */
    { "2019年后的项目建设", "2019年 项目建设", 0, 0 },
    { "2019年前的项目建设", "2019年 项目建设", 0, 0 },
    { "2019年内的项目建设", "2019年 项目建设", 0, 0 },
    { "2019年底前的项目建设", "2019年 项目建设", 0, 0 },
    { "2019年那年的项目建设", "2019年 项目建设", 0, 0 },
    { "在2019年项目建设", "2019年 项目建设", 0, 0 },
    { "2019年的项目建设事件", "2019年 项目建设", 0, 0 },
    { "2019年后备干部", "2019年 后备干部", 0, 0 },            /* 后备: a word */
    { "在建项目", "在建+项目", 0, 0 },
    { "吞吐量首次突破一亿吨", "吞吐量 一亿吨{1亿吨}", 0, 0 },                 /* the longest verb */
    { "吞吐量高达一亿吨", "吞吐量 一亿吨{1亿吨}", 0, 0 },
    { "吞吐量不低于一亿吨", "吞吐量 一亿吨{1亿吨}", 0, 0 },
    { "吞吐量 一亿吨的目标", "吞吐量 一亿吨{1亿吨}", 0, 0 },
    { "新增就业100万人", "新增+就业 100万人{1000000人,一百万人,百万人,1百万人}", 0, 0 },                       /* 新增: a word's */
    { "经济总量10万亿元", "经济总量 10+万亿元{100000亿元,十万亿元}", 0, 0 },
    { "2019年一季度", "2019年+一季度", 0, 0 },             /* alone: as typed */
    { "2008年初雨雪冰冻", "2008年 雨雪+冰冻", 0, 0 },
    /* ... the year itself, and around it */
    { "2019年度项目建设", "2019年 项目建设", 0, 0 },
    { "2019年度 项目建设", "2019年 项目建设", 0, 0 },
    { "2008年间的雨雪冰冻", "2008年 雨雪+冰冻", 0, 0 },
    { "2008年前后的雨雪冰冻", "2008年 雨雪+冰冻", 0, 0 },
    { "2019年度假", "2019年 度假", 0, 0 },                      /* a word after it */
    { "2019年初心使命", "2019年 初心+使命", 0, 0 },           /* 初心: a word */
    /* how near a figure is: the figure */
    { "乙烯 一百万吨以上", "乙烯 一百万吨{100万吨,1000000吨,百万吨,1百万吨}", 0, 0 },
    { "乙烯 100万吨左右", "乙烯 100+万吨{1000000吨,一百万吨,百万吨,1百万吨}", 0, 0 },
    { "乙烯 约一百万吨", "乙烯 一百万吨{100万吨,1000000吨,百万吨,1百万吨}", 0, 0 },
    { "近二十年", "近二十年{近20年}", 0, 0 },                  /* a span of years stays */
    { "约束", "约束", 0, 0 },
    /* a title before a name, and a speech's title: the name, and what on */
    { "省委书记王国生", "王国生", 0, 0 },
    { "河南省委书记王国生", "王国生", 0, 0 },
    { "市长王凯", "王凯", 0, 0 },
    { "王凯在会上的讲话", "王凯", 0, 0 },
    { "王国生在全省项目建设推进会上的讲话", "王国生 项目建设", 0, 0 },
    { "王凯同志在全市项目建设会议上的讲话", "王凯 项目建设", 0, 0 },
    { "宣传在基层", "宣传 基层", 0, 0 },                      /* 在 between two words */
    { "开短会", "开短会", 0, 0 },                              /* 会 alone stays */
    /* the ways asked for in other words: a question of the thing */
    { "发展临空经济有何对策", "临空|经济", 1, 0 },
    { "发展临空经济的着力点", "临空|经济", 1, 0 },
    { "发展临空经济该从何处着手", "临空|经济", 1, 0 },
    { "发展临空经济，有哪些经验可以借鉴", "临空|经济", 1, 0 },
    /* not after a question word, before the ways of doing, nor after a verb */
    { "如何培育壮大产业集群", "培育|壮大|产业|集群", 1, 0 },
    { "培育专精特新中小企业有哪些措施", "培育|专精特新|中小企业", 1, 0 },
    { "发展壮大村级集体经济可以怎样做", "发展壮大|村级|集体经济", 1, 0 },
    { "改良利用盐碱地怎么样", "改良|利用|盐碱地", 1, 0 },
    { "如何解决就业问题", "就业", 1, 0 },
    { "乡村振兴 措施", "乡村振兴", 0, 0 },
    { "推进乡村振兴的对策建议", "乡村振兴", 1, 0 },
    { "如何发展", "发展", 1, 0 },                            /* generic: a question */
    { "如何保护耕地", "保护|耕地", 1, 0 },
    /* what is done, typed without 如何, or asked for by the ways of doing it */
    { "推进产业集聚区转型发展", "产业|集聚区|集聚|转型", 1, 0 },
    { "开展委托招商", "委托招商", 1, 0 },
    /* a remedy verb the dictionary tags as a noun (整治, 规范) opens what is
     * to be done too (twenty-first round); 咋 asks as 怎么 does */
    { "整治农村空心村", "整治|农村|空心村|空心", 1, 0 },
    { "咋整治农村空心村", "整治|农村|空心村|空心", 1, 0 },
    /* why it is needed, where it is hard: the asking (twenty-first round) */
    { "整治农村空心村的必要性", "整治|农村|空心村|空心", 1, 0 },
    { "整治农村空心村难在哪里", "整治|农村|空心村|空心", 1, 0 },
    { "夜间经济的必要性", "夜间经济", 0, 0 },
    { "行为规范", "行为规范", 0, 0 },
    { "招商引资的做法", "招商引资", 0, 0 },                  /* one word asked about */
    { "推进招商引资的做法", "招商引资", 1, 0 },
    { "推进招商引资的实践", "招商引资", 1, 0 },              /* …的实践: no word asked */
    { "宁夏的东西部扶贫协作", "宁夏 东西部+扶贫+协作", 0, 0 }, /* X的Y: no run of text */
    { "如何开展新时代文明实践", "新时代|时代|文明|实践", 1, 0 }, /* 实践 elsewhere stays */
    /* a function character inside a slogan stays in it (项目|为|王) */
    { "如何践行项目为王理念", "践行|项目为王|项目|理念", 1, 0 },
    { "如何以市场为导向", "市场|导向", 1, 0 },              /* words apart: dropped */
    { "集聚区创新发展", "集聚区+创新+发展", 0, 0 },         /* 集聚区 is no verb */
    /* a figure at a keyword's edge is a keyword of its own */
    { "吞吐量一亿吨", "吞吐量 一亿吨{1亿吨}", 0, 0 },
    { "吞吐量一億噸", "吞吐量 一亿吨{1亿吨}", 0, 0 },
    { "一百万套住房", "一百万套{100万套,1000000套,百万套,1百万套} 住房", 0, 0 },
    { "2018年重点项目", "2018年 重点项目", 0, 0 },
    { "开工率百分之八十", "开工率 百分之八十{80%}", 0, 0 },
    { "开工率80%", "开工率 80%{百分之八十}", 0, 0 },
    /* per mille: the sign stays with the figure (7‰ read 7, any 7, before) */
    { "人口自然增长率7‰", "人口+自然+增长率 7‰{千分之七}", 0, 0 },
    { "人口自然增长率 千分之七", "人口+自然+增长率 千分之七{7‰}", 0, 0 },
    { "两千亿", "两千亿{2000亿,二千亿,2千亿}", 0, 0 },            /* a figure alone: whole */
    { "一带一路", "一带一路", 0, 0 },
    { "1,000亿", "1000亿{一千亿,千亿,1千亿}", 0, 0 },
    /* 多 or 余 before 万 or 亿: one figure, however written (two hundred
     * billion and more: 2000多亿元 = 两千多亿元 = 2000余亿元) */
    { "两千多亿元", "两千多+亿元{2000多亿元,二千多亿元,2000余亿元,两千余亿元,二千余亿元}", 0, 0 },
    { "300余万人", "300+余万人{300多万人,三百多万人,三百余万人}", 0, 0 },
    { "十多亿元", "十多+亿元{10多亿元,10余亿元,十余亿元}", 0, 0 },
    { "年产2000多万吨乙烯", "年产 2000+多万吨{两千多万吨,二千多万吨,2000余万吨,两千余万吨,二千余万吨} 乙烯", 0, 0 },
    /* the 千 of 千瓦 is the unit's inside a longer word too: before, the
     * figure took it (净增一千七百四十万千瓦 was a question of 一千七百{1700}
     * and 四十{40}) */
    { "装机净增一千七百四十万千瓦", "装机+净增 一千七百+四十+万千瓦{1740万千瓦,17400000千瓦}", 0, 0 },
    { "净增一千七百四十万千瓦", "净增 一千七百+四十+万千瓦{1740万千瓦,17400000千瓦}", 0, 0 },
    /* after 几 or 数 the numerals count tens or hundreds: no figure
     * (几十亿元 read 几10亿元 before) */
    /* a count of one numeral is a figure where the word ends with it
     * (新培育三家 read as one glued word before, and found nothing), not
     * inside a word nor after 第 */
    { "新培育三家", "新培育 三家{3家}", 0, 0 },
    { "十个 产业集群", "十个{10个} 产业+集群", 0, 0 },
    { "两个一百年", "两个+一百年{两个100年,两个百年}", 0, 0 },
    { "十项措施", "十项+措施", 0, 0 },
    /* a day written month.day: also as reports write it, with a middle dot
     * (“5·12”汶川特大地震, “9·8”投洽会: 5.12 地震 found none of them before) */
    { "5.12 地震", "5.12{5—12} 地震", 0, 0 },
    { "9.8投洽会", "9.8+投洽会{9—8投洽会}", 0, 0 },
    { "1.5米", "1.5米", 0, 0 },      /* a measure: a decimal */
    { "08年 奥运", "08年{2008年} 奥运", 0, 0 }, /* a short year: 0 found before */
    { "增长9.8%", "增长 9.8%{百分之九点八}", 0, 0 },
    { "13.5 地震", "13.5 地震", 0, 0 }, /* no month 13 */
    /* a figure typed apart from its measure, as many writers put a blank
     * between digits and Chinese: the figure with its measure (1740 alone
     * is not 1740万, and found nothing); not after letters, not a filter's
     * value, not before a longer word */
    { "1740 万千瓦", "1740+万千瓦{17400000千瓦,一千七百四十万千瓦}", 0, 0 },
    { "1998 年 特大洪水", "1998年 特大+洪水", 0, 0 },
    { "1998 年特大洪水", "1998年 特大+洪水", 0, 0 },
    { "增长 8.5 %", "增长 8.5%{百分之八点五}", 0, 0 },
    { "\"1740 万千瓦\"", "\"1740万千瓦\"", 0, 0 },
    { "2019 项目建设", "2019 项目建设", 0, 0 },
    { "1+4 行动方案", "1+4 行动+方案", 0, 0 },
    /* a code of letters typed apart from a word stays two keywords (glued,
     * two judged queries typed so fell); letters typed apart from their
     * digits are the table's code where the table holds it (test_rank) */
    { "3D 打印", "3d 打印", 0, 0 },
    { "G20 峰会", "g20 峰会", 0, 0 },
    { "IPv6 规模部署", "ipv6 规模+部署", 0, 0 },
    { "WTO OR 世界贸易组织", "wto OR 世界贸易组织", 0, 0 },
    { "几十亿元", "几十+亿元", 0, 0 },
    { "数十亿元", "数十亿元", 0, 0 },
    { "参保人数一千五百万人", "参保+人数 一千五百万人{1500万人,15000000人}", 0, 0 }, /* 人数, then a figure */
    /* ... and in the middle: the words on each side are keywords too */
    { "年产30万吨乙烯", "年产 30+万吨{300000吨,三十万吨} 乙烯", 0, 0 },
    /* the verb that ties a word to its figure goes (达到, 突破, 实现) */
    { "吞吐量达到一亿吨", "吞吐量 一亿吨{1亿吨}", 0, 0 },
    { "吞吐量共一亿吨", "吞吐量 一亿吨{1亿吨}", 0, 0 },
    { "吞吐量增加到一亿吨", "吞吐量 一亿吨{1亿吨}", 0, 0 },    /* 增加|到 */
    { "吞吐量突破一亿吨大关", "吞吐量 一亿吨{1亿吨}", 0, 0 },
    { "实现吞吐量一亿吨", "吞吐量 一亿吨{1亿吨}", 0, 0 },
    { "吞吐量达到一亿吨", "吞吐量 一亿吨", 0, 1 },
    /* an amount makes a fact to look up, not what is to be done ... */
    { "新增就业10万人", "新增+就业 10万人{100000人,十万人}", 0, 0 },
    { "建设一百万套住房", "建设 一百万套{100万套,1000000套,百万套,1百万套} 住房", 0, 0 },
    { "实现两个一百年奋斗目标", "两个{2个,二个}|一百年{100年,百年}|奋斗目标", 1, 0 }, /* 两个: a count of one numeral */
    /* a year is no long run of text, and a verb that says the event took
     * place goes before 的 (发生, 举办; 开工 stays) */
    { "1998年发生的特大洪水", "1998年 特大+洪水", 0, 0 },
    { "1998年發生的特大洪水", "1998年 特大+洪水", 0, 0 },
    { "2020年开工的重点项目", "2020年 开工 重点项目", 0, 0 },
    /* a person asked for what is told of them: the name (not a word of
     * the dictionary whose first character is a surname: 宣传, 强国) */
    { "钟南山事迹", "钟南山", 0, 0 },
    { "学习雷锋", "雷锋", 0, 0 },
    { "向王凯学习", "王凯", 0, 0 },
    { "向雷锋同志学习", "雷锋", 0, 0 },
    { "学习宣传", "学习+宣传", 0, 0 },
    { "学习强国", "学习+强国", 0, 0 },
    /* a word asked for what came of it: the word (发展成果 stays: 发展 is a
     * common word of two characters) */
    { "林长制进展", "林长制", 0, 0 },
    { "脱贫攻坚取得的成效", "脱贫攻坚", 0, 0 },
    { "林长制典型经验", "林长制", 0, 0 },
    { "发展成果", "发展+成果", 0, 0 },
    { "林长制相关政策", "林长制", 0, 0 },                    /* what is looked up of it */
    { "林长制的有关规定", "林长制", 0, 0 },
    { "林长制的情况介绍", "林长制", 0, 0 },
    { "介绍一下林长制", "林长制", 0, 0 },
    { "林长制的来龙去脉", "林长制", 0, 0 },
    { "林长制最新动态", "林长制", 0, 0 },
    { "林长制的相关资料", "林长制", 0, 0 },
    { "林长制的数据", "林长制", 0, 0 },
    { "林长制这件事", "林长制", 0, 0 },
    { "林长制的意义何在", "林长制", 0, 0 },
    { "统计数据质量", "统计数据+质量", 0, 0 },               /* a word of its own */
    /* what of the texts is looked for */
    { "请问林长制", "林长制", 0, 0 },
    { "有没有林长制的内容", "林长制", 0, 0 },
    { "林长制在哪些报告中提到", "林长制", 0, 0 },
    { "提到林长制的讲话", "林长制", 0, 0 },
    { "林长制的原文", "林长制", 0, 0 },
    { "林长制的表述有哪些", "林长制", 0, 0 },
    { "含有林长制的句子", "林长制", 0, 0 },
    { "讲政治", "讲政治", 0, 0 },                            /* a slogan */
    /* a general verb before a word of two or three characters: the word */
    { "推进双减", "双减", 0, 0 },
    /* ... and before a word of letters or another name of the table, of
     * any length (not a word of related words only: 医养结合) */
    { "做好GDP", "gdp{国内生产总值}", 0, 0 },
    { "加强AR应用", "ar+应用{增强现实应用}", 0, 0 },
    { "做好三重一大", "三重+一大{重大事项决策重要干部任免}", 0, 0 },
    { "推进医养结合", "医养|结合", 1, 0 },
    { "推进街长制", "街长制", 0, 0 },
    /* ... and after an adverb of manner, apart or glued to it (twentieth
     * round): as the verb alone */
    { "全面推进双减", "双减", 0, 0 },
    { "大力推进街长制", "街长制", 0, 0 },
    { "加快推进双减", "双减", 0, 0 },                        /* as 推进双减 */
    { "切实加强三重一大", "三重+一大{重大事项决策重要干部任免}", 0, 0 },
    { "全面推进医养结合", "医养|结合", 1, 0 },
    { "大力推进资源型城市转型", "资源型|城市|转型", 1, 0 },
    { "着力打造双减", "双减", 0, 0 },                         /* verbs of manner_verbs */
    { "持续优化资源型城市转型", "资源型|城市|转型", 1, 0 },      /* 优化 goes */
    { "大力支持资源型城市转型", "资源型|城市|转型", 1, 0 },
    { "建设用地", "建设+用地", 0, 0 },                        /* no adverb: a term */
    { "全面推进", "全面+推进", 0, 0 },                       /* nothing after it */
    /* ... in a keyword typed beside others, before a longer thing too, and
     * before a common word (twentieth round) */
    { "全面推进营商环境 条例", "营商环境 条例", 0, 0 },
    { "推进光伏 扶贫", "光伏 扶贫", 0, 0 },
    { "光伏 大力发展招商引资", "光伏 招商引资", 0, 0 },
    { "实施方案 光伏", "实施方案 光伏", 0, 0 },                  /* a word of the dictionary */
    { "推动合作", "推动+合作", 0, 0 },                         /* alone: a phrase */
    { "办好双减", "双减", 0, 0 },
    { "全面小康", "全面小康", 0, 0 },
    { "全面建设小康社会的要求", "全面+建设+小康社会{全面建成小康社会}", 0, 0 }, /* a name */
    { "大力支持的结果", "大力支持 结果", 0, 0 },              /* 的 after the verb */
    { "实施方案", "实施方案", 0, 0 },                      /* a word of the dictionary */
    { "推进会", "推进会", 0, 0 },
    /* two words asked of their relation: the words (劳动关系 stays) */
    { "光伏和扶贫的关系", "光伏 扶贫", 0, 0 },
    /* keywords typed apart, then the asking at the end: the keywords
     * (twenty-first round) */
    { "光伏 扶贫怎么样", "光伏 扶贫", 0, 0 },
    { "光伏 扶贫 怎么样", "光伏 扶贫", 0, 0 },
    { "光伏 扶贫有哪些措施", "光伏 扶贫", 0, 0 },
    { "光伏 扶贫吗", "光伏 扶贫", 0, 0 },
    { "老旧小区 加装电梯怎么样", "老旧小区 加装+电梯", 0, 0 },
    { "光伏 如何发展扶贫产业", "光伏 | 扶贫|产业", 1, 0 },   /* asked before: a question */
    { "转理念、转方式、转作风，推动高质量发展",
      "转理念|理念 | 转方式|方式 | 转作风|作风 | 高质量发展", 1, 0 }, /* no asking */
    { "光伏对扶贫的影响", "光伏 扶贫", 0, 0 },
    { "猪对价格的影响", "猪 价格", 0, 0 },
    { "劳动关系", "劳动+关系", 0, 0 },
    /* a word asked what it means: the word */
    { "林长制的含义", "林长制", 0, 0 },
    { "什么叫林长制", "林长制", 0, 0 },
    { "林长制指的是什么", "林长制", 0, 0 },
    { "林长制是什么意思", "林长制", 0, 0 },
    { "指标体系", "指标体系", 0, 0 },
    /* brackets set a word apart */
    { "特大洪水（1998年）", "特大+洪水 1998年", 0, 0 },
    { "《招商引资》项目", "招商引资 项目", 0, 0 },
    /* ... and a question asks about the figure whole, not its digits */
    { "如何实现新增就业10万人", "新增|就业|10万人{100000人,十万人}", 1, 0 },
    { "如何解决一百万锭的困难", "一百万锭{100万锭,1000000锭,百万锭,1百万锭}|困难", 1, 0 },
    /* ... and asked of its state it is the figure, as typed alone
     * (…面临的困难; …面临哪些困难 since the twenty-second round) */
    { "一百万锭面临哪些困难", "一百万锭{100万锭,1000000锭,百万锭,1百万锭}", 0, 0 },
    /* a general verb alone before a figure goes, as 达到 does (twenty-first
     * round: 推进一百万锭 took 一 into the verb) */
    { "推进一百万锭", "一百万锭{100万锭,1000000锭,百万锭,1百万锭}", 0, 0 },
    { "持续优化五千万吨", "五千+万吨{5000万吨,50000000吨,5千万吨}", 0, 0 },
    { "推进100万锭", "100+万锭{1000000锭,一百万锭,百万锭,1百万锭}", 0, 0 },
    { "建设一百万套住房", "建设 一百万套{100万套,1000000套,百万套,1百万套} 住房", 0, 0 },
    { "推进一批", "推进+一批", 0, 0 },
    /* a run of text cut only by a comma still reads as one (a question) */
    { "加快推进产业集聚区的转型发展，提高项目质量", "产业|集聚区|集聚|转型 | 项目|质量", 1, 0 },
    /* synonyms and abbreviations: "=" groups in keywords, "~" in questions too */
    { "发改委", "发改委{发展改革委,发展和改革委员会}", 0, 0 },
    { "发改委", "发改委", 0, 1 },
    { "豫 项目", "豫{河南} 项目", 0, 0 },
    { "河南", "河南", 0, 0 },                             /* one character is never added */
    { "融资", "融资", 0, 0 },
    { "如何解决融资难", "融资难|融资{~资金,~贷款}", 1, 0 },
    { "\"发改委\"", "\"发改委\"", 0, 0 },                  /* a quoted phrase is exact */
    /* a word holding a member as one of its parts: that part in its other forms */
    { "国企改革", "国企改革{国有企业改革}", 0, 0 },
    { "国企混改", "国企混改{国有企业混改,国企混合所有制改革,国有企业混合所有制改革}", 0, 0 },
    { "GDP增速", "gdp+增速{国内生产总值增速}", 0, 0 },
    { "发改委主任", "发改委+主任{发展改革委主任,发展和改革委员会主任}", 0, 0 },
    { "三农工作", "三农+工作{三农,农业农村农民,农业农村农民工作}", 0, 0 }, /* not 三农工作工作 */
    { "集中行动", "集中+行动", 0, 0 },                     /* 中行 across two units: no part */
    { "year", "year", 0, 0 },                              /* ar inside a run of letters: no part */
    { "gdpr", "gdpr", 0, 0 },
    { "ar技术", "ar+技术{增强现实技术}", 0, 0 },
    { "国家发改委", "国家+发改委{国家发展改革委,国家发展和改革委员会}", 0, 0 }, /* 国家 once */
    { "\"国企改革\"", "\"国企改革\"", 0, 0 },
    { "国企改革", "国企改革", 0, 1 },
    /* figures in their other written forms */
    { "两千亿", "两千亿{2000亿,二千亿,2千亿}", 0, 0 },
    { "100万元", "100+万元{1000000元,一百万元,百万元,1百万元}", 0, 0 },
    { "两千亿", "两千亿", 0, 1 },
    /* a range of figures with a hyphen or with a dash or tilde: each the other's form,
     * and figures apart are no figure of their digits run together (111月) */
    { "1-11月", "1-11月{1—11月,1至11月}", 0, 0 },
    { "1—11月", "1-11月{1—11月,1至11月}", 0, 0 },
    { "1至11月", "1至+11月{1-11月,1—11月}", 0, 0 },
    { "1～11月", "1-11月{1—11月,1至11月}", 0, 0 },
    { "2016—2020年", "2016-2020年{2016—2020年,2016至2020年}", 0, 0 },
    { "1-11月", "1-11月", 0, 1 },
};

static void test_parse(ss_actx *ac)
{
    for (size_t i = 0; i < sizeof parse_cases / sizeof parse_cases[0]; i++) {
        ss_query *q = NULL;
        ss_err err;
        ss_query_opts o = { parse_cases[i].exact, syn, 0, 0 };
        ss_code rc = ss_query_parse_opts(ac, parse_cases[i].q, &o, &q, &err);
        CHECK(rc == SS_OK, "parse [%s]: %s", parse_cases[i].q, err.msg);
        if (rc != SS_OK)
            continue;
        CHECK_EQ_STR(ss_query_understood(q), parse_cases[i].understood, parse_cases[i].q);
        CHECK_EQ_INT(ss_query_is_natural(q), parse_cases[i].natural, parse_cases[i].q);
        ss_query_free(q);
    }
}

static void test_highlights(ss_actx *ac)
{
    static const struct {
        const char *q, *text, *marked;
    } cases[] = {
        /* a dictionary word's halves with a character between them stand for it */
        { "招商引资", "抓好招商引資工作，招商和引资", "抓好[招商引資]工作，[招商和引资]" },
        { "招商引资", "招商工作和引资工作，引资和招商", "招商工作和引资工作，引资和招商" },
        { "六新项目", "聚焦“六新”项目", "聚焦“[六新”项目]" },
        { "项目 合作", "项目合作", "[项目合作]" },
        { "智能+", "推进“智能+”行动", "推进“[智能+]”行动" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ss_query *q = NULL;
        ss_span *sp = NULL;
        size_t n = 0;
        CHECK(ss_query_parse(ac, cases[i].q, &q, NULL) == SS_OK, "parse %s", cases[i].q);
        if (!q)
            continue;
        const char *t = cases[i].text;
        CHECK(ss_query_highlights(q, ac, t, strlen(t), &sp, &n, NULL) == SS_OK, "highlight");
        char buf[512];
        size_t o = 0, at = 0;
        for (size_t k = 0; k < n; k++) {
            o += (size_t)snprintf(buf + o, sizeof buf - o, "%.*s[%.*s]",
                                  (int)(sp[k].start - at), t + at,
                                  (int)(sp[k].end - sp[k].start), t + sp[k].start);
            at = sp[k].end;
        }
        snprintf(buf + o, sizeof buf - o, "%s", t + at);
        CHECK_EQ_STR(buf, cases[i].marked, cases[i].q);
        free(sp);
        ss_query_free(q);
    }
}

/* Xapian's weight of the document whose data starts with id for query
 * qs; -1 when it is not among the candidates. */
static double xapian_weight(ss_actx *ac, xc_db *db, const char *qs, char id)
{
    ss_query *q = NULL;
    xc_query *xq = NULL;
    xc_enquire *e = NULL;
    xc_mset *m = NULL;
    double found = -1;
    ss_query_opts o = { 0, syn, 0, 0 };
    if (ss_query_parse_opts(ac, qs, &o, &q, NULL) == SS_OK &&
        ss_query_build(q, db, &xq, NULL) == SS_OK && xc_enquire_new(db, &e, NULL) == SS_OK &&
        ss_query_configure(q, e, NULL) == SS_OK && xc_enquire_set_query(e, xq, NULL) == SS_OK &&
        xc_enquire_get_mset(e, 0, 50, 50, &m, NULL) == SS_OK) {
        for (uint32_t i = 0; i < xc_mset_size(m); i++) {
            char *d = NULL;
            size_t len = 0;
            double wt = 0;
            if (xc_mset_data(m, i, &d, &len, NULL) == SS_OK && len > 0 && d[0] == id &&
                xc_mset_weight(m, i, &wt, NULL) == SS_OK)
                found = wt;
            free(d);
        }
    }
    xc_mset_free(m);
    xc_enquire_free(e);
    xc_query_free(xq);
    ss_query_free(q);
    return found;
}

/* Builds a tiny index and checks which documents each query matches:
 * Xapian's candidates that the judge accepts. */
static const char *docs[] = {
    "我们要深化项目合作，推动地企合作。",   /* 1 */
    "项目建设工作要不断加强合作。",         /* 2 */
    "招商工作和引资工作要两手抓。",         /* 3 */
    "抓好招商引资，落实“9+2”工作布局。",    /* 4 */
    "推动产业转型升级，扩大对外开放。",     /* 5 */
    "煤炭价格为每吨3000元/吨。",            /* 6 */
    "建成5G通信基站，新建基站二百个。",     /* 7 */
    "投资规模达两千亿元。",                 /* 8 */
    "国家发展改革委批复，招商环境改善。",   /* 9 */
    "原油产量达一亿五千万吨。",             /* a */
    "煤炭产量保持在5000万吨。",             /* b */
    "加快形成对外全方位开放新格局。",       /* c */
    "2019年，全市经济平稳运行。",           /* d */
    "计划于2019 年底完成340个项目。",       /* e */
    "新建学校340个；第3季度开工。",         /* f */
    "去年增长较快，2018年持平。",           /* g */
    "加快推进税收征管改革。",               /* h */
    "型号abc123的参数。",                   /* i */
    "建成4A级旅游景区。",                   /* j */
    "建4A级，旅游景区。",                   /* k: as long, in terms, as j */
    "粮食增长百分之五十三点七。",           /* l */
    "覆盖率达到百分之五十以上。",           /* m */
    "粮食产量达到1.5亿吨。",                /* n */
    "1—11月工业利润增长。",                 /* o */
    "1-11月工业利润增长。",                 /* p */
    "1至11月工业利润增长。",               /* q: the three as long */
};

static const struct {
    const char *q;
    const char *expect; /* matching docs in rank order, e.g. "12" */
} match_cases[] = {
    { "项目 合作", "12" },
    { "\"项目合作\"", "1" },
    { "招商引资", "4" },
    { "招商引資", "4" },
    { "招商 -引资工作", "49" },
    { "招商 -引资", "9" },
    { "引资 -\"招商引资\"", "3" },
    { "项目合作 OR 两手抓", "13" },  /* 项目…合作 too far apart in 2 */
    { "9+2", "4" },
    { "工作布局", "4" },
    { "不存在", "" },
    /* a word's units in order within a few characters of one clause */
    { "产业升级", "5" },
    { "开放招商", "" },             /* 开放 and 招商 in different passages */
    { "推动合作", "1" },            /* 推动地企合作: two characters between */
    { "升级产业", "5" },            /* two units the other way round, one clause */
    { "升级开放", "" },             /* over a comma */
    /* a dictionary word's halves further apart only with no joining word between */
    { "对外开放", "5c" },           /* whole in 5, then 对外全方位开放 */
    { "招商引资", "4" },            /* not 招商工作和引资 of 3 */
    /* a single character wherever it stands, also before punctuation */
    { "吨", "6bna" },
    { "布局", "4" },
    /* ASCII glued to Chinese stays together */
    { "5G基站", "7" },
    { "5G价格", "" },
    /* figures however written; synonyms */
    { "2000亿元", "8" },
    { "二百个", "7" },
    { "200个", "7" },
    { "发改委", "9" },
    /* a figure stands whole, never inside a bigger one */
    { "五千万吨", "b" },
    { "一亿五千万吨", "an" },       /* and its decimal form, 1.5亿吨 */
    { "百分之五十", "m" },          /* not 百分之五十三点七 */
    { "50%", "m" },
    { "百分之五十三", "" },         /* 53 is not 53.7 either */
    { "百分之五十三点七", "l" },
    { "53.7%", "l" },               /* the same percentage in digits */
    /* a figure and its decimal form */
    { "1.5亿吨", "an" },
    { "15000万吨", "an" },
    /* a number glued to a character (one term, terms.h) wherever it
     * stands: before punctuation, before more characters, after a space */
    { "2019年", "de" },
    { "340个", "ef" },
    { "第3", "f" },
    { "3000元/吨", "6" },
    { "年", "deg" },
    { "元", "68" },
    { "第", "f" },                  /* before a number: its own term */
    { "税", "h" },                  /* beginning a word: its first bigram */
    /* exclusions: by a term Xapian holds, else by the judge */
    { "年 -2019年", "g" },
    { "项目 -\"项目建设\"", "1e" },
    { "合作 -项目合作", "2" },
    { "型号 -\"abc 123\"", "i" },  /* two tokens: no one term implies them */
    /* a range with a hyphen, a dash or 至: each finds the three */
    { "1-11月", "opq" },
    { "1—11月", "opq" },
    { "1～11月", "opq" },
    { "1至11月", "opq" },
    { "111月", "" },
};

static int build_index(ss_actx *ac, const char *dir)
{
    xc_writable *w = NULL;
    if (xc_writable_open(dir, XC_CREATE_OR_OVERWRITE, &w, NULL) != SS_OK)
        return -1;
    for (size_t i = 0; i < sizeof docs / sizeof docs[0]; i++) {
        ss_analysis an;
        xc_doc *d = NULL;
        char data[256];
        snprintf(data, sizeof data, "%c%s", "123456789abcdefghijklmnopq"[i], docs[i]); /* id, text */
        if (ss_analyze(ac, docs[i], strlen(docs[i]), &an, NULL) != SS_OK ||
            xc_doc_new(&d, NULL) != SS_OK || ss_index_analysis(&an, d, NULL) != SS_OK ||
            xc_doc_set_data(d, data, strlen(data), NULL) != SS_OK ||
            xc_writable_add(w, d, NULL, NULL) != SS_OK)
            return -1;
        xc_doc_free(d);
    }
    return xc_writable_close(w, NULL) == SS_OK ? 0 : -1;
}

static void run_match(ss_actx *ac, xc_db *db, const char *qs, char *out, size_t outlen)
{
    ss_query *q = NULL;
    xc_query *xq = NULL;
    xc_enquire *e = NULL;
    xc_mset *m = NULL;
    out[0] = '\0';
    ss_query_opts o = { 0, syn, 0, 0 };
    if (ss_query_parse_opts(ac, qs, &o, &q, NULL) != SS_OK ||
        ss_query_build(q, db, &xq, NULL) != SS_OK ||
        xc_enquire_new(db, &e, NULL) != SS_OK || xc_enquire_set_query(e, xq, NULL) != SS_OK ||
        xc_enquire_get_mset(e, 0, 10, 10, &m, NULL) != SS_OK) {
        snprintf(out, outlen, "error");
    } else {
        /* Xapian proposes, the judge (on the passage text) disposes */
        size_t k = 0;
        for (uint32_t i = 0; i < xc_mset_size(m) && k + 1 < outlen; i++) {
            char *d = NULL;
            size_t len = 0;
            ss_analysis an;
            double f = 0;
            if (xc_mset_data(m, i, &d, &len, NULL) == SS_OK && len > 1 &&
                ss_analyze_atoms(ac, d + 1, len - 1, &an, NULL) == SS_OK &&
                ss_query_judge(q, &an, &f, NULL, NULL, NULL) == SS_OK && f > 0)
                out[k++] = d[0];
            out[k] = '\0';
            free(d);
        }
    }
    xc_mset_free(m);
    xc_enquire_free(e);
    xc_query_free(xq);
    ss_query_free(q);
}

static void test_match(ss_actx *ac)
{
    char dir[] = "/tmp/ss-test-query-XXXXXX";
    CHECK(mkdtemp(dir) != NULL, "mkdtemp");
    char db_path[600];
    snprintf(db_path, sizeof db_path, "%s/db", dir);
    CHECK(build_index(ac, db_path) == 0, "build test index");
    xc_db *db = NULL;
    CHECK(xc_db_open(db_path, &db, NULL) == SS_OK, "open test index");
    for (size_t i = 0; db && i < sizeof match_cases / sizeof match_cases[0]; i++) {
        char got[32];
        run_match(ac, db, match_cases[i].q, got, sizeof got);
        /* order among equals is Xapian's; compare as sets when expected has >1 */
        int ok = strlen(got) == strlen(match_cases[i].expect);
        for (const char *c = match_cases[i].expect; ok && *c; c++)
            ok = strchr(got, *c) != NULL;
        CHECK(ok, "[%s] expected docs %s got %s", match_cases[i].q, match_cases[i].expect, got);
    }
    /* a number glued to a character weighs nothing itself (terms.h); where
     * the next unit touches the character (4A级|旅游景区) their bigram weighs */
    if (db) {
        double touch = xapian_weight(ac, db, "4A级旅游景区", 'j');
        double apart = xapian_weight(ac, db, "4A级旅游景区", 'k');
        CHECK(apart > 0 && touch > apart, "touching units weigh more: %g vs %g", touch, apart);
    }
    xc_db_close(db);
    test_rm_tree(dir);
}

/* Places and years as context: judged with the passage's speech. */
static void test_context(ss_actx *ac)
{
    static const struct {
        const char *q, *text, *region, *title, *date;
        int match;
        const char *heading;
    } cases[] = {
        { "商丘 高铁", "加快高铁站南广场建设。", "商丘市", NULL, "2019", 1, NULL },   /* own region */
        { "商丘 高铁", "加快高铁站南广场建设。", NULL, NULL, "2019", 0, NULL },
        { "河南 高铁", "加快高铁站南广场建设。", "商丘市", NULL, NULL, 1, NULL },    /* lies inside */
        { "商丘 高铁", "加快高铁站南广场建设。", "信阳市", NULL, NULL, 0, NULL },
        { "商丘 高铁", "加快高铁站南广场建设。", NULL, "在商丘市项目推进会上的讲话", NULL, 1, NULL },
        { "商丘 高铁", "商丘高铁站南广场建设。", NULL, NULL, NULL, 1, NULL },      /* named */
        { "商丘市 高铁", "商丘高铁站南广场建设。", NULL, NULL, NULL, 1, NULL },    /* without 市 */
        { "商丘市 高铁", "信阳高铁站南广场建设。", NULL, NULL, NULL, 0, NULL },
        { "\"商丘\" 高铁", "加快高铁站南广场建设。", "商丘市", NULL, "2019", 0, NULL }, /* exact */
        { "\"2008年\" 地震", "地震灾害发生后", NULL, NULL, "2008", 0, NULL },
        { "2008年 地震", "去年地震灾害发生后", NULL, NULL, "2009-03", 1, NULL },    /* 去年 in 2009 */
        { "2008年 地震", "去年地震灾害发生后", NULL, NULL, "2010", 0, NULL },
        { "2008年 地震", "今年地震灾害发生后", NULL, NULL, "2008", 1, NULL },
        { "2008年 地震", "地震灾害发生后", NULL, NULL, "2008", 1, NULL },           /* given that year */
        { "2008年 地震", "地震灾害发生后", NULL, NULL, "2011", 0, NULL },
        { "2008年 地震", "二〇〇八年地震灾害发生后", NULL, NULL, NULL, 1, NULL },  /* in numerals */
        { "二〇〇八年 地震", "去年地震灾害发生后", NULL, NULL, "2009-03", 1, NULL }, /* typed so */
        { "二〇〇八年 地震", "2008年地震灾害发生后", NULL, NULL, "2012", 1, NULL },
        { "二〇〇八年 地震", "去年地震灾害发生后", NULL, NULL, "2012", 0, NULL },
        /* the heading above speaks of the year (a chronicle's 1998年, 去年工作回顾) */
        { "1998年 洪灾", "6月长江流域出现特大洪灾。", NULL, NULL, NULL, 1, "1998年" },
        { "1998年 洪灾", "6月长江流域出现特大洪灾。", NULL, NULL, NULL, 0, "1999年" },
        { "2008年 地震", "地震灾害发生后", NULL, NULL, "2009", 1, "一、去年工作回顾" },
        { "2008年 地震", "地震灾害发生后", NULL, NULL, "2011", 0, "一、去年工作回顾" },
        /* a year that starts "since ..." (1998年以来) speaks of the years after it */
        { "1998年 洪水", "遭遇1998年以来最大洪水。", NULL, NULL, "2022", 0, NULL },
        { "1998年 洪水", "1998年发生特大洪水以来", NULL, NULL, "2003", 1, NULL },
        { "1998年 洪水", "遭遇1998年以来最大洪水。", NULL, NULL, "1998", 1, NULL }, /* its date */
    };
    ss_gazetteer *g = NULL;
    CHECK(ss_gaz_open(NULL, &g, NULL) == SS_OK, "open gazetteer");
    for (size_t i = 0; g && i < sizeof cases / sizeof cases[0]; i++) {
        ss_query *q = NULL;
        xc_query *xq = NULL;
        ss_analysis an;
        double f = 0;
        CHECK(ss_query_parse(ac, cases[i].q, &q, NULL) == SS_OK, "parse %s", cases[i].q);
        if (!q)
            continue;
        ss_query_set_gazetteer(q, g, NULL);
        CHECK(ss_query_build(q, NULL, &xq, NULL) == SS_OK, "build %s", cases[i].q);
        ss_passage_meta m = { cases[i].region, cases[i].title, cases[i].date, cases[i].heading, NULL };
        CHECK(ss_analyze_atoms(ac, cases[i].text, strlen(cases[i].text), &an, NULL) == SS_OK &&
                  ss_query_judge_meta(q, &an, &m, &f, NULL, NULL, NULL) == SS_OK,
              "judge %zu", i);
        CHECK_EQ_INT(f > 0, cases[i].match, cases[i].q);
        xc_query_free(xq);
        ss_query_free(q);
    }
    ss_gaz_close(g);
}

/* A region: filter ranks the passages of speeches about the place (their
 * region, or a place their title names, is it or lies inside it) above
 * those that only name it (rank.c W_PLACE_NAMED). */
static void test_region_named(ss_actx *ac)
{
    static const struct {
        const char *q, *text, *region, *title;
        int about; /* 1: the speech is about the filter's place */
    } cases[] = {
        { "垃圾分类 region:上海", "推动上海家园小区垃圾分类试点。", "上海市", NULL, 1 },
        { "垃圾分类 region:上海", "推动上海家园小区垃圾分类试点。", "日喀则市", NULL, 0 },
        { "垃圾分类 region:上海", "推动上海家园小区垃圾分类试点。", NULL, NULL, 0 },
        { "垃圾分类 region:河南", "推动商丘小区垃圾分类试点。", "商丘市", NULL, 1 },   /* inside */
        { "垃圾分类 region:商丘", "推动商丘小区垃圾分类试点。", "河南省", NULL, 0 },   /* not above */
        { "垃圾分类 region:上海", "推动上海小区垃圾分类试点。", NULL, "上海市政府工作报告", 1 },
        { "垃圾分类", "推动上海小区垃圾分类试点。", "日喀则市", NULL, 1 },         /* no filter */
    };
    ss_gazetteer *g = NULL;
    CHECK(ss_gaz_open(NULL, &g, NULL) == SS_OK, "open gazetteer");
    for (size_t i = 0; g && i < sizeof cases / sizeof cases[0]; i++) {
        ss_query *q = NULL;
        ss_analysis an;
        double f = 0, base = 0;
        CHECK(ss_query_parse(ac, cases[i].q, &q, NULL) == SS_OK, "parse %s", cases[i].q);
        if (!q)
            continue;
        ss_query_set_gazetteer(q, g, NULL);
        ss_passage_meta m = { cases[i].region, cases[i].title, NULL, NULL, NULL };
        CHECK(ss_analyze_atoms(ac, cases[i].text, strlen(cases[i].text), &an, NULL) == SS_OK &&
                  ss_query_judge_meta(q, &an, &m, &f, NULL, NULL, NULL) == SS_OK &&
                  ss_query_judge(q, &an, &base, NULL, NULL, NULL) == SS_OK, "judge %zu", i);
        CHECK(f > 0, "case %zu matches", i);
        CHECK_EQ_INT(f >= base, cases[i].about, cases[i].text);
        ss_query_free(q);
    }
    ss_gaz_close(g);
}

/* A keyword word that begins with a place the gazetteer takes alone is read
 * as the place and the rest once the gazetteer is known (qparse.c,
 * ss_q_place_prefix); before, and for the cases the rule leaves whole, it
 * stays one word. */
static void test_place_split(ss_actx *ac)
{
    static const struct {
        const char *q;
        int exact;
        const char *before, *after; /* understood without and with the gazetteer */
    } cases[] = {
        { "许昌高铁站", 0, "许昌+高铁站", "许昌 高铁站" },
        { "许昌高铁站", 1, "许昌+高铁站", "许昌 高铁站" },          /* --exact: parsing, kept */
        { "东北老工业基地振兴", 0, "东北+老工业+基地+振兴", "东北 老工业+基地+振兴" }, /* group */
        { "贵州大数据", 0, "贵州+大数据", "贵州 大数据" },
        { "海南自由贸易港", 0, "海南+自由贸易港", "海南 自由贸易港" },  /* province, not the
                                                                         weak 海南 city name */
        { "许昌市高铁站", 0, "许昌市+高铁站", "许昌市{许昌} 高铁站" },  /* full name */
        { "鄢陵县花木", 0, "鄢陵县+花木", "鄢陵县{鄢陵} 花木" },        /* a county's full name */
        { "河南省郑州市经济", 0, "河南省+郑州市+经济", "河南省{河南} 郑州市{郑州} 经济" },
        { "许昌5G", 0, "许昌+5g", "许昌 5g" },                       /* the rest: two characters */
        { "许昌的高铁站", 0, "许昌 高铁站", "许昌 高铁站" },            /* 的 between them */
        { "南通家纺", 0, "南通家纺", "南通 家纺" },    /* one unit joined from 南通|家|纺 */
        { "南通市家纺", 0, "南通市家纺", "南通市{南通} 家纺" },
        { "招商 许昌高铁站", 0, "招商 许昌+高铁站", "招商 许昌 高铁站" },
        /* the place's area is the place */
        { "许昌地区高铁站", 0, "许昌+地区+高铁站", "许昌 高铁站" },
        { "许昌当地的高铁站", 0, "许昌+当地 高铁站", "许昌 高铁站" },
        { "许昌境内高速公路", 0, "许昌+境内+高速公路", "许昌 高速公路" },
        { "许昌地区", 0, "许昌+地区", "许昌" },
        { "许昌辖区高铁站", 0, "许昌+辖区+高铁站", "许昌 高铁站" },                  /* nineteenth round */
        { "许昌周边的高铁站", 0, "许昌+周边 高铁站", "许昌 高铁站" },
        { "许昌范围内高铁站", 0, "许昌+范围内+高铁站", "许昌 高铁站" },
        { "许昌本地高铁站", 0, "许昌+本地+高铁站", "许昌 高铁站" },
        { "許昌地區高鐵站", 0, "许昌+地区+高铁站", "许昌 高铁站" },             /* traditional script */
        { "河南地区生产总值", 0, "河南+地区生产总值", "河南 地区生产总值" }, /* a word */
        /* left whole */
        { "粤港澳大湾区", 0, "粤港澳大湾区", "粤港澳大湾区" },           /* a group itself */
        { "西部地区", 0, "西部+地区", "西部+地区" },                    /* a group itself */
        { "朝阳项目", 0, "朝阳+项目", "朝阳+项目" },                    /* weak: an everyday word */
        { "大同煤矿", 0, "大同+煤矿", "大同+煤矿" },                    /* weak */
        { "鄢陵花木", 0, "鄢陵+花木", "鄢陵+花木" },                    /* a county's short form */
        { "城区改造", 0, "城区+改造", "城区+改造" },                    /* full name, a word */
        { "北京大学", 0, "北京大学", "北京大学" },                      /* one dictionary word */
        { "许昌站", 0, "许昌站", "许昌站" },                            /* rest of one character */
        /* a place and a run of single characters the reading joined
         * before the next word (twenty-second round): the place apart,
         * a county's short form too; one character after it is its own */
        { "四川灾后重建", 0, "四川灾后+重建", "四川 灾后+重建" },
        { "汶川灾后重建", 0, "汶川灾后+重建", "汶川 灾后+重建" },
        { "芦山灾后重建", 0, "芦山灾后+重建", "芦山 灾后+重建" },       /* also a person's name */
        { "三亚灾后重建", 0, "三亚灾后+重建", "三亚 灾后+重建" },       /* a numeral in the place */
        { "上海港集装箱", 0, "上海港+集装箱", "上海港+集装箱" },
        { "大同灾后重建", 0, "大同灾后+重建", "大同灾后+重建" },       /* an adverb too */
        { "三河两山三湖", 0, "三河两山+三湖", "三河两山+三湖" },       /* a numeral in the run */
        /* 发展 before the thing opens what is done there (twenty-second round) */
        { "柳州发展螺蛳粉", 0, "柳州+发展+螺蛳粉", "柳州 螺蛳粉" },
        { "\"许昌高铁站\"", 0, "\"许昌高铁站\"", "\"许昌高铁站\"" },     /* quoted: exact */
        { "项目 -许昌高铁站", 0, "项目 -许昌+高铁站", "项目 -许昌+高铁站" }, /* excluded */
        { "许昌高铁站 OR 项目", 0, "许昌+高铁站 OR 项目", "许昌+高铁站 OR 项目" }, /* OR */
        { "项目 OR 许昌高铁站", 0, "项目 OR 许昌+高铁站", "项目 OR 许昌+高铁站" },
    };
    ss_gazetteer *g = NULL;
    CHECK(ss_gaz_open(NULL, &g, NULL) == SS_OK, "open gazetteer");
    for (size_t i = 0; g && i < sizeof cases / sizeof cases[0]; i++) {
        ss_query *q = NULL;
        ss_query_opts o = { cases[i].exact, NULL, 0, 0 };
        CHECK(ss_query_parse_opts(ac, cases[i].q, &o, &q, NULL) == SS_OK, "parse %s",
              cases[i].q);
        if (!q)
            continue;
        CHECK_EQ_STR(ss_query_understood(q), cases[i].before, cases[i].q);
        CHECK(ss_query_set_gazetteer(q, g, NULL) == SS_OK, "gazetteer %s", cases[i].q);
        CHECK_EQ_STR(ss_query_understood(q), cases[i].after, cases[i].q);
        /* read again, the query still has what it had: items and filters */
        CHECK(ss_query_has_text(q), "%s has text", cases[i].q);
        ss_query_free(q);
    }
    /* judged: the word as typed above its halves apart; the place's
     * speeches count as context, a speech elsewhere does not */
    static const struct {
        const char *text, *region;
        int rank; /* 3 whole, 2 apart, 1 context only, 0 no match */
    } judged[] = {
        { "加快许昌高铁站片区建设。", NULL, 3 },
        { "支持许昌建设新城，加快高铁站片区建设。", NULL, 2 },
        { "加快高铁站片区建设。", "鄢陵县", 1 },
        { "加快高铁站片区建设。", "信阳市", 0 },
    };
    double f[sizeof judged / sizeof judged[0]];
    ss_query *jq = NULL;
    xc_query *xq = NULL;
    if (g && ss_query_parse(ac, "许昌高铁站", &jq, NULL) == SS_OK) {
        CHECK(ss_query_set_gazetteer(jq, g, NULL) == SS_OK &&
                  ss_query_build(jq, NULL, &xq, NULL) == SS_OK, "build 许昌高铁站");
        for (size_t i = 0; i < sizeof judged / sizeof judged[0]; i++) {
            ss_analysis an;
            ss_passage_meta m = { judged[i].region, NULL, NULL, NULL, NULL };
            f[i] = 0;
            CHECK(ss_analyze_atoms(ac, judged[i].text, strlen(judged[i].text), &an, NULL) ==
                          SS_OK &&
                      ss_query_judge_meta(jq, &an, &m, &f[i], NULL, NULL, NULL) == SS_OK,
                  "judge %s", judged[i].text);
            CHECK_EQ_INT(f[i] > 0, judged[i].rank > 0, judged[i].text);
        }
        CHECK(f[0] > f[1], "whole %.3f above apart %.3f", f[0], f[1]);
        xc_query_free(xq);
        ss_query_free(jq);
    }
    /* a filter survives the reading again */
    ss_query *q = NULL;
    if (g && ss_query_parse(ac, "许昌高铁站 year:2020", &q, NULL) == SS_OK) {
        CHECK(ss_query_set_gazetteer(q, g, NULL) == SS_OK, "gazetteer with a filter");
        CHECK_EQ_STR(ss_query_understood(q), "许昌 高铁站 year:2020", "filter kept");
        CHECK_EQ_INT((int)ss_query_filter_count(q), 1, "one filter");
        ss_query_free(q);
    }
    ss_gaz_close(g);
}

/* The factor of query q on text (analysed with ac): 0 when it does not
 * match; a failed check names case i when it cannot be judged. */
static double judge_text(ss_actx *ac, const ss_query *q, const char *text, size_t i)
{
    ss_analysis an;
    double f = 0;
    CHECK(ss_analyze_atoms(ac, text, strlen(text), &an, NULL) == SS_OK &&
              ss_query_judge(q, &an, &f, NULL, NULL, NULL) == SS_OK, "judge %zu: %s", i, text);
    return f;
}

/* The factors of the query text qt (parsed; with build, also built, which
 * resolves its years: qcontext.c) on texts a and b (b NULL: *fb 0), for
 * case i; 0 when it does not parse. */
static int judge_pair(ss_actx *ac, const char *qt, int build, const char *a, const char *b,
                      size_t i, double *fa, double *fb)
{
    ss_query *q = NULL;
    *fa = *fb = 0;
    CHECK(ss_query_parse(ac, qt, &q, NULL) == SS_OK, "parse %s", qt);
    if (!q)
        return 0;
    if (build) {
        xc_query *xq = NULL;
        CHECK(ss_query_build(q, NULL, &xq, NULL) == SS_OK, "build %s", qt);
        xc_query_free(xq);
    }
    *fa = judge_text(ac, q, a, i);
    if (b)
        *fb = judge_text(ac, q, b, i);
    ss_query_free(q);
    return 1;
}

/* A year says when, never what (rank.c strengths_in()): whether the year
 * stands free at the opening or as an item of an enumeration does not
 * change how much the passage is about the rest of the query. */
static void test_year_when(ss_actx *ac)
{
    static const struct {
        const char *q, *a, *b;
    } cases[] = {
        { "2010年 干旱", "2010年年初，全省战胜了特大干旱，全力保障城乡供水。",
          "2009年、2010年，全省战胜了特大干旱，全力保障城乡供水。" },
        { "1998年 洪水", "1998年，全省战胜了特大洪水，全力抢修堤坝。",
          "1997、1998年，全省战胜了特大洪水，全力抢修堤坝。" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        double fa = 0, fb = 0;
        if (judge_pair(ac, cases[i].q, 1, cases[i].a, cases[i].b, i, &fa, &fb))
            CHECK(fa > 0 && fb > 0 && fa < fb + 1e-9 && fb < fa + 1e-9,
                  "[%s] %s (%.3f) as %s (%.3f)", cases[i].q, cases[i].a, fa, cases[i].b, fb);
    }
}

/* A figure written the other way stands as the figure typed (ALT_FIGURE):
 * the passage writing 100万吨 is judged as the one writing 一百万吨, for
 * either way of typing it. */
static void test_figure_forms(ss_actx *ac)
{
    static const struct {
        const char *q, *a, *b;
    } cases[] = {
        { "一百万吨 乙烯", "建成一百万吨乙烯项目，带动下游产业。", "建成100万吨乙烯项目，带动下游产业。" },
        { "100万吨 乙烯", "建成一百万吨乙烯项目，带动下游产业。", "建成100万吨乙烯项目，带动下游产业。" },
        { "开工率 百分之八十", "开工率达到百分之八十以上。", "开工率达到80%以上。" },
        { "两千亿", "全年投资两千亿元。", "全年投资2000亿元。" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        double fa = 0, fb = 0;
        if (judge_pair(ac, cases[i].q, 0, cases[i].a, cases[i].b, i, &fa, &fb))
            CHECK(fa > 0 && fb > 0 && fa < fb + 1e-9 && fb < fa + 1e-9,
                  "[%s] %s (%.3f) as %s (%.3f)", cases[i].q, cases[i].a, fa, cases[i].b, fb);
    }
}

/* A note defining a term (a work report's glossary) weighs less than a
 * passage of the same words that says what was done (rank.c W_DEFINITION);
 * not for a query of the one word it defines: what 林长制 means is about it. */
static void test_definition(ss_actx *ac)
{
    static const struct {
        const char *q, *text; /* q: a word the text defines, then another of its words */
        int definition;
    } cases[] = {
        { "PPP模式 合作", "PPP模式：即政府和社会资本合作。", 1 },
        { "PPP模式 合作", "[11]PPP模式：是指政府和社会资本合作。", 1 },
        { "PPP模式 项目", "推广PPP模式：即将启动十个项目。", 0 },       /* 即将 */
        { "PPP模式 项目", "推广PPP模式，指导项目建设。", 0 },          /* 指导 */
        { "公交都市 公共交通", "公交都市：指以公共交通为主的城市。", 1 },
        /* a numbered note: its number, its term, a colon */
        { "总体方案 海南", "[9]《总体方案》：海南自由贸易港建设总体方案。", 1 },
        { "二线 货物", "注5：“一线”放开、“二线”管住：货物可以自由进出。", 1 },
        { "法律七进 机关", "12.“法律七进”：在法制宣传教育工作中推动法律进机关。", 1 },
        { "政策措施 立法", "1.落实政策措施。配合推进法规出台：加快立法。", 0 }, /* an item */
        { "工作 全市", "2019年：全市工作平稳运行。", 0 },                      /* a year */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        double f = 0, base = 0, one = 0, one_base = 0;
        /* the same passage without its punctuation is no definition */
        char plain[256], word[64];
        size_t n = 0;
        for (const char *p = cases[i].text; *p && n + 4 < sizeof plain; p++)
            if (strncmp(p, "：", strlen("：")) == 0)
                p += strlen("：") - 1;
            else
                plain[n++] = *p;
        plain[n] = '\0';
        if (!judge_pair(ac, cases[i].q, 0, cases[i].text, plain, i, &f, &base))
            continue;
        CHECK(f > 0 && base > 0, "case %zu matches", i);
        CHECK_EQ_INT(f < 0.9 * base, cases[i].definition, cases[i].text);
        /* the defined word alone: no note weighs less for being one */
        snprintf(word, sizeof word, "%.*s", (int)strcspn(cases[i].q, " "), cases[i].q);
        if (judge_pair(ac, word, 0, cases[i].text, plain, i, &one, &one_base))
            CHECK(one > 0 && one >= 0.9 * one_base, "[%s] %s (%.3f, %.3f without colons)", word,
                  cases[i].text, one, one_base);
    }
}

/* Of two passages that hold the same words as often, the one where the
 * word opens a clause and speaks (王凯指出) is about it and ranks above the
 * one that names it (rank.c W_SPEAKS); so does the one where it stands
 * outside a framing clause (rank.c framed()), or in a short opening
 * sentence (rank.c W_TOPIC). */
static void test_about(ss_actx *ac)
{
    static const struct {
        const char *q, *better, *worse;
    } cases[] = {
        { "王凯", "王凯指出，要加快项目建设。", "省长王凯作部署，要加快项目建设。" },
        { "王凯", "会上，王凯强调，要加快项目建设。", "会上，王凯作部署，要加快项目建设。" },
        { "王凯", "王凯表示，要加快项目建设。", "按照王凯要求，要加快项目建设。" },
        /* a word in a clause that frames the sentence (its time or
         * circumstance) names it; where it stands alone the passage is about it */
        { "南方谈话", "南方谈话指明了方向，改革开放进入新的阶段。",
          "在南方谈话的推动下，改革开放进入新的阶段。" },
        { "南方谈话", "南方谈话指明了方向，改革开放进入新的阶段。",
          "南方谈话以后，改革开放进入新的阶段。" },
        { "自由贸易港", "自由贸易港政策加快落地，全年新增企业两万家。",
          "今年是自由贸易港建设的关键之年，全年新增企业两万家。" },
        { "南方谈话", "学习南方谈话，改革开放进入新的阶段。",
          "贯彻南方谈话精神，改革开放进入新的阶段。" },
        /* a short opening sentence that holds the word heads a paragraph
         * about it; a long one names it among other things */
        { "老工业区", "加快老工业区搬迁改造。完善支持政策，开拓转型发展新路径。",
          "今年我们在稳增长的同时推动老工业区搬迁改造，完善支持政策，开拓转型发展新路径。" },
        { "老工业区", "二、转型发展\n\n老工业区搬迁改造加快。完善支持政策，开拓新路径。",
          "二、转型发展\n\n今年全市推动结构调整和老工业区搬迁改造，完善支持政策，开拓新路径。" },
        /* a question's thing beats its problem and remedy words alone */
        { "如何缓解电力供应紧张", "今年电力供应保持平稳。", "要缓解各方面的矛盾和紧张关系。" },
        { "如何解决土地指标不足的问题", "去年全市土地指标全部落实到项目。",
          "要着力解决资金不足的问题。" },
        /* a question: the passage that opens with the thing asked about
         * answers it; one that names it further on, among other things, not */
        { "怎样发展茶叶产业", "茶叶产业提质增效。建成标准茶园十万亩，培育龙头企业五家，带动农户增收。",
          "建成标准茶园十万亩，培育龙头企业五家，带动农户增收，推动茶叶产业提质增效。" },
        { "如何推进盐碱地综合利用",
          "盐碱地综合利用取得成效。改良耕地四万亩，建设示范基地三个，推广耐盐品种。",
          "改良耕地四万亩，建设示范基地三个，推广耐盐品种，盐碱地综合利用取得成效。" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        double better = 0, worse = 0;
        if (judge_pair(ac, cases[i].q, 0, cases[i].better, cases[i].worse, i, &better, &worse))
            CHECK(worse > 0 && better > worse, "[%s] %s (%.3f) above %s (%.3f)", cases[i].q,
                  cases[i].better, better, cases[i].worse, worse);
    }
}

/* A word ending in a verb (老工业基地振兴, 棚户区改造) is also said with the
 * verb before its object (振兴老工业基地, 改造棚户区): that order stands
 * as the word with its units apart does, above another order (qfind.c
 * S_VERB_FIRST); a dictionary word of a word and a verb splits so
 * (qparse.c splits()), its halves a few characters apart in one clause. */
static void test_verb_first(ss_actx *ac)
{
    static const struct {
        const char *q, *text;
        int match;              /* 1: matches; 0: does not */
        const char *below;      /* or NULL: a text that matches and ranks below it */
    } cases[] = {
        { "老工业基地振兴", "加快振兴老工业基地，推进国企改革。", 1, "基地振兴老工业，推进国企改革。" },
        { "棚户区改造", "全面推进改造棚户区，改善群众居住条件。", 1, NULL },
        { "棚户区改造", "加快棚户区危旧房改造，改善群众居住条件。", 1, NULL },
        { "棚户区改造", "加快棚户区建设，推进城中村改造。", 0, NULL },
        { "乡村振兴", "全面振兴乡村，加快农业现代化。", 1, NULL },
        { "乡村振兴", "振兴工作下乡村，加快农业现代化。", 0, NULL },
        /* four characters whose second half alone is a word split too
         * (产教 + 融合, 老旧 + 小区): two characters between at most */
        { "产教融合", "深化产教深度融合，推进校企合作。", 1, NULL },
        { "老旧小区", "改造老旧住宅小区，加装电梯。", 1, NULL },
        { "产教融合", "产教协同发展，推动文旅融合。", 0, NULL },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        double f = 0, g = 0;
        if (!judge_pair(ac, cases[i].q, 0, cases[i].text, cases[i].below, i, &f, &g))
            continue;
        CHECK_EQ_INT(f > 0, cases[i].match, cases[i].text);
        if (cases[i].below)
            CHECK(g > 0 && f > g, "[%s] %s (%.3f) above %s (%.3f)", cases[i].q, cases[i].text, f,
                  cases[i].below, g);
    }
}

/* Every test of this program, over the analysis context ac. */
/* Parses qt with the test's synonym table (exact: --exact), reads its places
 * (g, or none) and checks what it understood: want, or (want NULL) that
 * absent is not in it. */
static void check_understood(ss_actx *ac, const char *qt, int exact, const ss_gazetteer *g,
                             const char *want, const char *absent)
{
    ss_query *q = NULL;
    ss_query_opts o = { exact, syn, 0, 0 };
    CHECK(ss_query_parse_opts(ac, qt, &o, &q, NULL) == SS_OK, "parse %s", qt);
    if (!q)
        return;
    CHECK(ss_query_set_gazetteer(q, g, NULL) == SS_OK, "places of %s", qt);
    if (want)
        CHECK_EQ_STR(ss_query_understood(q), want, qt);
    else
        CHECK(!strstr(ss_query_understood(q), absent), "%s: %s", qt, ss_query_understood(q));
    ss_query_free(q);
}

/* A person's name typed whole also finds the given name with 同志, the way
 * speeches name colleagues (qforms.c ss_q_add_given_name_forms): only for
 * a common surname and two more characters that make no dictionary word,
 * no place, no word of the synonym table, typed as a keyword. */
static void test_given_names(ss_actx *ac)
{
    static const struct {
        const char *q, *understood; /* after the gazetteer is set */
    } cases[] = {
        { "王战营", "王战营{战营同志}" },
        { "张建慧 项目", "张建慧{建慧同志} 项目" },
        { "王战营 OR 张建慧", "王战营{战营同志} OR 张建慧{建慧同志}" },
        { "王强", "王强" },               /* a given name of one character: anyone */
        { "欧阳修远", "欧阳修远" },       /* four characters */
        { "\"王战营\"", "\"王战营\"" }, /* quoted: exact */
        { "安置房", "安置房" },           /* 安置 is a word */
        { "路长制", "路长制" },           /* 制 ends a system's name */
        { "公租房", "公租房{公共租赁住房}" }, /* a word of the synonym table */
        { "张家口", "张家口" },           /* a place */
        { "毛泽东", "毛泽东" },           /* a dictionary word */
        { "如何学习王战营讲话精神", NULL }, /* a question: no forms */
    };
    ss_gazetteer *g = NULL;
    CHECK(ss_gaz_open(NULL, &g, NULL) == SS_OK, "open gazetteer");
    for (size_t i = 0; g && i < sizeof cases / sizeof cases[0]; i++) {
        check_understood(ac, cases[i].q, 0, g, cases[i].understood, "同志");
    }
    check_understood(ac, "王战营", 1, g, "王战营", NULL); /* --exact: as typed */
    /* without a gazetteer (the query names no place), once only */
    ss_query *q = NULL;
    if (ss_query_parse(ac, "王战营", &q, NULL) == SS_OK) {
        CHECK(ss_query_set_gazetteer(q, NULL, NULL) == SS_OK &&
                  ss_query_set_gazetteer(q, NULL, NULL) == SS_OK,
              "no gazetteer, twice");
        CHECK_EQ_STR(ss_query_understood(q), "王战营{战营同志}", "no gazetteer: the form once");
        /* the form finds the passage; the given name alone does not */
        CHECK(judge_text(ac, q, "战营同志在会上讲话。", 0) > 0, "战营同志 found");
        CHECK(judge_text(ac, q, "王战营在会上讲话。", 1) > 0, "王战营 found");
        CHECK(judge_text(ac, q, "战营建设。", 2) == 0, "战营 alone is no match");
        ss_query_free(q);
    }
    ss_gaz_close(g);
}

/* Keyword words that are two parts or more of one list of the synonym
 * table find its short forms too (qforms.c ss_q_add_list_forms). */
static void test_list_forms(ss_actx *ac)
{
    static const struct {
        const char *q, *understood;
        int exact;
    } cases[] = {
        { "简政放权 放管结合", "简政放权{放管服} 放管结合{放管服}", 0 },
        { "简政放权 优化服务 项目", "简政放权{放管服} 优化服务{放管服} 项目", 0 },
        { "碳达峰 碳中和", "碳达峰{双碳} 碳中和{双碳}", 0 }, /* 碳达峰碳中和 holds the word */
        { "简政放权", "简政放权", 0 },                       /* one part alone */
        { "简政放权 项目", "简政放权 项目", 0 },
        { "\"简政放权\" 放管结合", "\"简政放权\" 放管结合", 0 }, /* quoted: exact */
        { "简政放权 -放管结合", "简政放权 -放管结合", 0 },      /* excluded */
        { "简政放权 放管结合", "简政放权 放管结合", 1 },        /* --exact */
        { "如何推进简政放权和放管结合", NULL, 0 },              /* a question */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        check_understood(ac, cases[i].q, cases[i].exact, NULL, cases[i].understood, "放管服");
    }
    /* the short form finds the passage for both words */
    ss_query *q = NULL;
    ss_query_opts o = { 0, syn, 0, 0 };
    if (ss_query_parse_opts(ac, "简政放权 放管结合", &o, &q, NULL) == SS_OK) {
        CHECK(judge_text(ac, q, "深化放管服改革，优化营商环境。", 0) > 0, "放管服 found");
        CHECK(judge_text(ac, q, "推进简政放权，优化营商环境。", 1) == 0, "one part alone: no match");
        ss_query_free(q);
    }
}

/* Items typed may become more: words joined by 和 and words that begin
 * with a place are read as two.  A query of as many items as may be typed,
 * each of them two, builds (its groups once overflowed a fixed array). */
#define TYPED_ITEMS 32 /* qparse.c reads so many items of the text (MAX_ITEMS) */
static void test_many_items(ss_actx *ac)
{
    static const char *const words[] = { "项目建设", "招商引资", "科技创新", "乡村振兴",
                                         "产业升级", "营商环境", "城市更新", "生态保护" };
    ss_gazetteer *g = NULL;
    CHECK(ss_gaz_open(NULL, &g, NULL) == SS_OK, "open gazetteer");
    for (int place = 0; place < 2; place++) {
        char text[4096] = "";
        size_t n = 0;
        for (size_t i = 0; i < TYPED_ITEMS; i++)
            n += (size_t)snprintf(text + n, sizeof text - n, "%s%s%s%s ", place ? "许昌" : "",
                                  words[i % 8], place ? "" : "和", place ? "" : words[(i + 3) % 8]);
        ss_query *q = NULL;
        xc_query *xq = NULL;
        CHECK(ss_query_parse(ac, text, &q, NULL) == SS_OK, "parse %s", text);
        if (!q)
            continue;
        ss_query_set_gazetteer(q, g, NULL);
        CHECK(ss_query_item_count(q) > TYPED_ITEMS, "%s: more items than typed (%zu)",
              place ? "places" : "和", ss_query_item_count(q));
        CHECK(ss_query_build(q, NULL, &xq, NULL) == SS_OK, "build %s", place ? "places" : "和");
        xc_query_free(xq);
        ss_query_free(q);
    }
    ss_gaz_close(g);
}

static void run_all(ss_actx *ac)
{
    ss_err err;
    CHECK(ss_syn_parse(syn_text, strlen(syn_text), "test", &syn, &err) == SS_OK, "synonyms: %s",
          err.msg);
    test_parse(ac);
    test_highlights(ac);
    test_match(ac);
    test_context(ac);
    test_year_when(ac);
    test_figure_forms(ac);
    test_definition(ac);
    test_about(ac);
    test_verb_first(ac);
    test_region_named(ac);
    test_place_split(ac);
    test_given_names(ac);
    test_list_forms(ac);
    test_many_items(ac);
    ss_syn_free(syn);
}

int main(int argc, char **argv)
{
    (void)argc;
    return test_with_actx(argv[0], run_all);
}
