/* decode.c: raw file bytes -> UTF-8 text that maps back to the raw bytes.
 *
 * Why: speeches arrive as UTF-8, GBK/GB18030, Big5 or UTF-16, mostly
 * unlabelled.  Indexing needs UTF-8; highlighting and snippets need, for
 * every text byte, the span of raw bytes it came from (text.h).
 *
 * How:
 *  - Detection (decode.h): a BOM; UTF-16 without BOM (NUL bytes present
 *    and the units plausible text in one byte order); strict UTF-8
 *    validation; otherwise a sample (64 KiB from the first non-ASCII byte)
 *    is trial-decoded as lossy UTF-8, GB18030 and Big5, each scored for
 *    how Chinese-like it is (common Han characters and CJK punctuation
 *    score; rare, private-use, control and replaced characters cost).
 *    The best positive score wins; with none (a mostly ASCII file with a
 *    few stray bytes) the file is lossy UTF-8.
 *  - Valid UTF-8 without BOM is copied once and keeps the identity map.
 *  - Everything else goes through one engine: a per-encoding scanner finds
 *    character boundaries (and malformed bytes, replaced by U+FFFD and
 *    reported), runs of well-formed characters are converted by iconv in
 *    chunks, and since each character yields exactly one code point the
 *    output is walked to give each code point its character's raw span.
 *    A chunk iconv rejects, or that yields a different number of code
 *    points (Big5-HKSCS has a few two-code-point characters), is redone
 *    character by character.  Encodings without a scanner (a forced
 *    "SHIFT_JIS", "latin1"...) are fed to iconv one byte more at a time.
 *  - GB2312/GBK labels are decoded with glibc's GB18030 (a superset that
 *    maps every GBK sequence identically) and Big5 labels with BIG5-HKSCS
 *    (a superset of glibc's BIG5 that maps the ETEN extensions to real
 *    characters instead of private use).  A BOM outranks a forced label.
 *
 * Ownership: raw is only read; the ss_text ss_decode fills owns its
 * buffers (ss_text_free).
 * No global mutable state: the common-character bitmap is rebuilt on the
 * stack by each detecting call; everything else is const. */
#include "decode.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base.h"
#include "utf8.h"

#define CHUNK 256           /* characters handed to iconv per call */
#define SAMPLE (64 * 1024)  /* bytes trial-decoded during detection */
#define HEAD 8192           /* bytes looked at for binary / UTF-16 sniffing */

static const char REPLACEMENT[] = "\xEF\xBF\xBD"; /* U+FFFD */

typedef enum { FAM_UTF8, FAM_UTF16LE, FAM_UTF16BE, FAM_GB, FAM_BIG5, FAM_OTHER } fam_t;

/* ---- common characters, for scoring trial decodes ---------------------- */

/* The 3,500 most frequent simplified characters (word frequencies of the
 * jieba dictionary, restricted to GB2312), in code point order. */
static const char *const common_simplified[] = {
    "一丁七万丈三上下不与丐丑专且丕世丘丙业丛东丝丞丢两严丧个丫中丰串临丸丹为主丽举乃",
    "久么义之乌乍乎乏乐乒乓乔乖乘乙九乞也习乡书买乱乳乾了予争事二于亏云互五井亚些亡亢",
    "交亥亦产亨亩享京亭亮亲人亿什仁仅仆仇今介仍从仑仓仔仕他仗付仙代令以仪们仰仲件价任",
    "份仿企伊伍伏伐休众优伙会伞伟传伤伦伪伯估伴伶伸伺似伽佃但位低住佐佑体何余佛作你佣",
    "佩佬佳使侄侈例侍侗供依侠侣侥侦侧侨侮侯侵便促俄俊俏俗俘保俞信俩俭修俯俱俸俺倍倏倒",
    "倘候倚借倡倦倪倭债值倾假偏做停健偶偷偿傅傍傣储催傲傻像僚僧僭僵僻儒儿兀允元兄充兆",
    "先光克免兑兔党兜兢入全八公六兮兰共关兴兵其具典兹养兼兽冀内冈冉册再冒写军农冠冤冥",
    "冬冯冰冲决况冶冷冻净凄准凉凌减凑凛凝几凡凤凭凯凰凳凶凸凹出击函凿刀刃分切刊刑划列",
    "刘则刚创初删判刨利别刮到制刷券刹刺刻剁剂剃削剌前剑剖剥剧剩剪副割剿劈力劝办功加务",
    "劣动助努劫励劲劳劾势勃勇勉勋勒勘募勤勺勾勿匀包匆匈匕化北匙匠匡匣匪匹区医匾匿十千",
    "升午半华协卑卒卓单卖南博卜卞占卡卢卤卦卧卫卯印危即却卵卷卸卿厂厄厅历厉压厌厕厘厚",
    "原厢厥厦厨厮去县参又叉及友双反发叔取受变叙叛叠口古句另叨叩只叫召叭叮可台史右叶号",
    "司叹吁吃各吆合吉吊同名后吏吐向吓吕吗君吞吟否吧吨吩含听吭启吱吴吵吸吹吻吼吾呀呆呈",
    "告呐呕员呛呜呢周味呵呻呼命咀咋和咏咐咒咕咖咚咦咧咨咬咯咱咳咸咽哀品哄哇哈哉响哎哑",
    "哗哟哥哦哨哩哪哭哲哺哼唇唉唐唤唧唬售唯唱唾啃商啊啡啤啥啦啪啸啼喀喂喃善喇喉喊喘喜",
    "喝喧喷喻嗅嗓嗔嗜嗡嗣嗤嗦嗯嗽嘉嘎嘛嘟嘱嘲嘴嘶嘻嘿噢器噪噶嚣嚷嚼囊囚四回因团园困围",
    "固国图圆圈土圣在圭地圳场圻圾址均坊坎坏坐坑块坚坛坝坞坟坠坡坤坦坪垂垃垄型垒垛垣垦",
    "垫垮垸埃埋城埔域埠培基堂堆堕堡堤堪堰堵塌塑塔塘塞填境墓墙增墟墨墩壁壕壤士壮声壳壶",
    "处备复夏夔夕外多夜够大天太夫央失头夷夸夹夺奇奈奉奋奎奏契奔奕奖套奠奢奥女奴奶奸她",
    "好如妃妄妆妇妈妒妓妖妙妥妨妮妹妻妾姆姊始姐姑姓委姚姜姝姥姨姬姹姻姿威娃娇娌娑娘娜",
    "娟娥娱娴娶婆婉婚婢婴婶婿媒媚媳嫁嫂嫉嫌嫔嫣嫩子孔孕字存孙孜孝孟孢季孤学孩孵孽宁它",
    "宅宇守安宋完宏宗官宙定宛宜宝实宠审客宣室宦宪宫宰害宴宵家宸容宽宾宿寂寄寅密寇富寒",
    "寓寝寞察寡寥寨寮寰寸对寺寻导寿封射将尉尊小少尔尖尘尚尝尤尧尬就尴尸尹尺尼尽尾尿局",
    "屁层居屈届屋屎屏屑展属屠屡履屯山屿岁岂岔岗岚岛岩岭岱岳岸峙峡峨峭峰峻崇崔崖崛崩嵋",
    "嵌嵩巍川州巡巢工左巧巨巩巫差己已巴巷巾币市布帅帆师希帐帕帖帘帜帝带席帮帷常帽幅幕",
    "幢干平年并幸幺幻幼幽广庄庆庇床序庐库应底店庙庚府庞废度座庭庵庶康庸廉廊廓廖延廷建",
    "开异弃弄弊式弓引弗弘弛弟张弥弦弧弩弯弱弹强弼归当录彝形彦彩彪彬彭彰影役彻彼往征径",
    "待很徊律後徐徒得徙御循微德徽心必忆忌忍志忘忙忠忧快念忽怀态怎怒怔怕怖怜思怠怡急怦",
    "性怨怪怯总恃恋恍恐恒恕恢恨恩恭息恰恳恶恼悄悉悍悔悖悟悠患悦您悬悲悼情惊惑惕惜惟惠",
    "惧惨惩惭惮惯想惶惹惺愁愈愉意愕愚感愣愤愧愿慈慌慎慑慕慢慧慨慰慷憋憎憾懂懈懒懿戈戎",
    "戏成我戒或战戚戟截戮戳戴户房所扁扇手才扎扑扒打扔托扛扣执扩扫扬扭扮扯扰扳扶批扼找",
    "承技抄把抑抒抓投抖抗折抚抛抢护报披抬抱抵抹押抽拂担拆拇拈拉拌拍拐拒拓拔拖拗拘拙拚",
    "招拜拟拢拣拥拦拨择括拱拳拴拼拽拾拿持挂指按挎挑挖挚挟挠挡挣挤挥挨挪挫振挺挽捆捉捎",
    "捏捐捕捞损捡换捣捧据捷捻掀授掉掌掏排掘掠探接控推掩措掷揉描提插揖握揣揪揭援揽搀搁",
    "搂搅搏搓搜搞搬搭搴携摄摆摇摊摔摘摧摩摸摹撇撑撒撕撞撤撬播撮撰撼擂擅操擎擒擦攀攒攘",
    "支收攸改攻放政故效敌敏救敕教敛敝敞敢散敦敬数敲整敷文斋斌斐斑斗料斜斟斡斤斥斧斩断",
    "斯新方施旁旅旋族旗无既日旦旧旨早旬旭旱时旷旺昂昆昌明昏易昔星映春昧昨昭是昼显晃晋",
    "晌晒晓晕晖晚晤晦晨普景晰晴晶智暂暇暑暖暗暮暴曙曰曲更曹曼曾替最月有朋服朔朕朗望朝",
    "期朦木未末本札术朱朴朵机朽杀杂权杆杈杉李杏材村杖杜杞束杠条来杨杩杭杯杰松板极构枉",
    "析枕林枚果枝枢枣枪枭枯架柄柏某柑染柔柜查柬柯柱柳柴栅标栈栋栏树栓栖栗校株样核根格",
    "栽桂桃框案桌桐桑桓档桥桦桨桩桶梁梅梓梗梢梦梧梨梭梯械梳梵检棉棋棍棒棕棘棚棠棣森棱",
    "棵棺椁椅植椎椒椭椰楚楞楠楷楼概榆榜榨榴榻槐槛槽樊模横樱橘橙橡檀檐欠次欢欣欧欲欺款",
    "歇歉歌止正此步武歧歪歹死歼殉殊残殖殡段殷殿毁毅毋母每毒比毕毗毙毛毡毫毯氏民氓气氛",
    "氟氢氧氨氮氯水永汁求汇汉汗汛汝汞江池污汤汪汰汹汽沁沃沅沈沉沐沔沙沛沟没沦沧沪沫沮",
    "河沸油治沼沽沾沿泄泉泊泌法泛泡波泣泥注泪泰泳泵泻泼泽洁洋洒洗洛洞津洪洲活洼洽派流",
    "浅浆浇浊测济浏浑浓浙浚浜浠浣浦浩浪浮浴海浸浼涂涅消涉涌涓涔涕涛涝涡润涨涩涯液涵淀",
    "淋淑淘淙淡淤淫淮深淳混淹添清渊渐渔渗渝渠渡渣渤温渭港渴游湖湘湛湾湿溃溅溉源溜溢溪",
    "溯溶滇滋滑滔滚滞满滤滥滨滩滴漂漆漏漓演漕漠漫漳潇潘潜潭潮潼澄澈澜澡澧澳澶激濂濒濮",
    "瀑瀛瀵瀹灌灏灞火灭灯灰灵灶灸灼灾灿炉炎炒炕炖炬炭炮炯炳炸点炼烁烂烈烘烛烟烤烦烧烩",
    "烫热烯烷烹焉焊焕焖焚焦焰然煌煎煞煤照煨煮煽熄熊熏熔熙熟熬燃燕燥爆爪爬爱爵父爷爸爹",
    "爽片版牌牒牙牛牟牡牢牧物牲牵特牺犁犬犯状犹狂狄狈狐狗狠狡狩独狭狮狱狸狼猎猛猜猪猫",
    "献猴猿玄率玉王玛玩玫环现玲玺玻珂珊珍珞珠班球琅理琉琐琛琢琦琳琴琵琼瑕瑙瑚瑜瑞瑟瑰",
    "瑶璁璃璇璋璧璺瓜瓣瓦瓮瓶瓷甘甚甜生用甩甫甬田由甲申电男甸画畅界畏畔留畜略番畴畸疆",
    "疏疑疗疫疮疯疲疹疼疾病症痒痕痛痰痴瘤瘦瘫瘾癌登白百皂的皆皇皋皖皮皱盆盈益盏盐监盒",
    "盔盖盗盘盛盟目盯盲直相盼盾省眉看真眠眨眯眶眷眼着睁睐睛睡督睦睬睹睿瞄瞅瞎瞒瞥瞧瞩",
    "瞪瞬瞰瞻矗矛矢矣知矩矫短矮石矶矿码砂砌砍研砖砥砰破砸砾础硅硕硝硫硬确碌碍碎碑碗碘",
    "碟碧碰碱碳碾磁磅磋磕磨磷礁示礼社祀祁祈祖祝神祠祥票祭祯祷祸祺禀禁禄禅福禧禹禺离禽",
    "禾秀私秃秉秋种科秒秘租秦秩秭积称移秽稀程稍税稚稠稳稷稻稼稽稿穆穗穴究穷空穿突窃窄",
    "窍窑窖窗窜窝窟窥窦立竖站竞竟章竣童竭端竹竿笃笑笔笙笛符笨第笼等筋筑筒答策筛筝筵筷",
    "筹签简箍算管箢箫箭箱篆篇篮篷簇簧簿籍米类粉粑粒粗粘粟粤粥粪粮粱粹精糊糍糕糖糟糯系",
    "紊素索紧紫累絮繁纂纠红纤约级纪纬纯纱纲纳纵纷纸纹纺纽线练组绅细织终绉绍经绑绒结绕",
    "绘给络绝绞统绢绣绥继绩绪续绮绰绳维绵绷绸综绽绿缀缁缅缆缉缎缓缔缕编缘缚缝缠缩缮缴",
    "缸缺罐网罕罗罚罢罩罪置署羁羊羌美羚羞羡群羲羹羽翁翅翊翌翔翘翠翰翻翼耀老考者而耍耐",
    "耕耗耙耳耶耸耻耽耿聂聊聋职联聘聚聪肃肆肇肉肋肌肖肘肚肝肠股肢肤肥肩肪肯育肴肺肾肿",
    "胀胁胃胆背胎胖胚胜胞胡胤胥胧胪胰胳胶胸胺能脂脆脉脊脏脑脓脖脚脱脸脾腊腌腐腑腔腕腥",
    "腮腰腹腺腻腾腿膀膊膏膛膜膝膨膳臀臂臣自臭至致舅舆舌舍舒舜舞舟航般舰舱舵舶船艇艘良",
    "艰色艳艺艾节芋芒芙芜芝芥芦芬芭芯花芳芷芽苇苍苏苑苔苕苗苛苟若苦苯英苹茂范茄茅茎茨",
    "茫茬茵茶茸荆草荐荒荡荣荤荧荫药荷莉莎莫莱莲获莹莽菇菊菌菜菩菱菲萄萌萍萎萝营萧萨萼",
    "落著葛葡董葫葬葱葵蒂蒋蒙蒜蒯蒲蒸蒿蓄蓉蓝蓦蓬蔑蔓蔗蔡蔬蔽蕃蕉蕊蕲蕴蕾薄薇薛薪薯藉",
    "藏藕藤藩藻蘑虎虏虐虑虚虞虫虹虽虾蚀蚁蚂蚊蚌蚕蛇蛋蛙蛛蛟蛮蛾蜀蜂蜒蜜蜡蜿蝇蝉蝶融螺",
    "蟠蟹蟾蠡蠢血行衍衔街衙衡衢衣补表衫衬衮衰衷袁袄袋袍袖袜被袭袱裁裂装裔裕裘裙裤裳裴",
    "裸裹褂褐褚褪褰褶襄襟西要覆见观规觅视览觉觑角解触言詹誉誓警譬计订认讥讧讨让训议讯",
    "记讲讳讶许论讼讽设访诀证评识诈诉诊词诏译试诗诚诛话诞诡询该详诧诬语误诰诱诲说诵请",
    "诸诺读课谁调谅谈谊谋谎谏谐谓谕谜谢谣谦谨谬谭谱谴谷豁豆豌豚象豪豫豹貌贝贞负贡财责",
    "贤败账货质贩贪贫贬购贮贯贱贴贵贷贸费贺贼贾贿赂赃资赋赌赎赏赐赔赖赚赛赞赠赢赣赤赦",
    "赫走赴赵赶起趁超越趋趟趣足趴趾跃跋跌跑距跟跨跪路跳践跺踏踢踩踪蹄蹇蹈蹦蹲躁身躬躯",
    "躲躺车轧轨轩转轮软轰轴轻载轿较辅辆辇辈辉辐辑输辕辖辛辜辞辟辣辨辩辫辰辱边辽达迁迄",
    "迅过迈迎运近返还这进远违连迟迦迪迫迭述迷迹追退送适逃逆选逊逍透逐递途逗通逛逝逞速",
    "造逢逮逵逸逻逼逾遂遇遍遏道遗遣遥遭遮遵避邀邑邓邢那邦邪邮邱邵邹邻郁郊郎郑郝郡郢郧",
    "部郭都鄂鄙酋酌配酒酚酥酬酮酯酰酱酶酷酸酿醇醉醋醒醚醛采释里重野量金釜鉴针钉钊钓钙",
    "钛钝钞钟钠钢钥钦钧钩钱钻钾铀铁铃铅铜铝铬铭铮铲银铸铺链销锁锅锋锌锐错锛锡锣锤锥锦",
    "锭键锯锰锻镁镇镍镑镖镜镶长门闪闭问闯闲间闷闸闹闺闻闽阀阁阅阎阐阔阙阜队阮防阳阴阵",
    "阶阻阿陀陂附际陆陇陈陋陌降限陕陛陡院除险陪陵陶陷隅隆隋随隐隔隘隙障隧隶难雀雁雄雅",
    "集雇雌雍雕雨雪零雷雾需霄震霉霍霎霖霜霞露霸青靖静非靠靡面革靴靶鞋鞍鞑鞘鞭韦韧韩韬",
    "音韵页顶顷项顺须顽顾顿颁颂预颅领颇颈颊颌颐频颖颗题颜额颠颤风飘飞食餐饥饭饮饰饱饲",
    "饵饶饷饼饿馆馈馒首香馨马驯驰驱驳驴驶驸驹驻驼驾驿骂骄骆骇验骑骗骚骞骡骤骨骸骼髓高",
    "鬼魁魂魄魅魏魔鱼鲁鲍鲜鲟鲢鲤鲨鲸鳄鳌鳍鳙鳞鸟鸠鸡鸣鸦鸪鸭鸯鸳鸽鸿鹃鹅鹏鹤鹧鹰鹿麋",
    "麓麟麦麻黄黎黑黔默黛黯鼎鼓鼠鼻齐齿龄龙龟",
};

/* Their traditional forms (OpenCC s2t, s2tw, s2hk) that are in Big5 and
 * not already above, in code point order. */
static const char *const common_traditional[] = {
    "丟並亂亞佔來侖侶俠倆倉個們倫偉側偵偽傑傘備傭傳債傷傾僅僑僕僥僱價儀億儉償優儲兇兌",
    "兒內兩冊凍凜凱別刪則剎剛剝創劃劇劉劍劑勁動務勝勞勢勳勵勸勻匯區協卻厭厲參叢吳吶呂",
    "員問啞啟喚喪喫喬單喲嗆嗎嗚嘆嘔嘗嘯噴噸嚇嚴囂囑國圍園圓圖團執堅堯報場塊塗塢塵墊墜",
    "墮墳墾壇壓壘壞壟壩壯壺壽夠夢夥夾奧奪奮奼妝娛婦媽嫻嬌嬪嬰嬸孫學宮寢實寧審寫寬寵寶",
    "將專尋對導尷屆屍屢層屬岡島峽崗嵐嶺嶼嶽巖帥師帳帶幟幣幫幹幾庫廁廂廈廚廝廟廠廢廣廬",
    "廳張強彈彌彎彥徑從復徵徹恆恥悅悶悽惡惱愛慄態慘慚慣慮慶憂憐憑憚憤憲憶懇應懲懶懷懸",
    "懼懾戀戰戲戶拋挾掃掙掛採揀揚換揮損搖搗搶摟摯撈撐撓撥撫撲撿擁擇擊擋擔據擠擬擱擲擴",
    "擺擾攏攔攙攜攝攢攤攪攬敗敘敵數斂斃斬斷於時晉晝暈暉暢暫曉曠曬書會朧東柵條梟棄棗棟",
    "棧棲楊業極榪榮構槍槓槨槳樁樂樓標樞樣樸樹樺橋機橢橫檔檢檻櫃櫻欄權欽歐歡歲歷歸殘殯",
    "殲殺殼毀氈氣氫汙決沒況洩洶涼淚淨淪淵淺減渦測渾湊湧湯準溝溫溼滄滅滬滯滲滷滾滿漁漢",
    "漲漸漿潑潔潛潤潰澀澆澇澤澱濁濃濕濟濤濫濱濺濾瀉瀏瀕瀟瀾灑灘灝灣災為烏無煉煙煥煩熒",
    "熱燈燉燒燙燜營燦燭燴燻爍爐爛爭爺爾牆牽犧狀狹狽猶獄獅獎獨獲獵獸獻現瑣瑤瑩瑪環璽瓊",
    "甕產畝畢畫異當疇疊瘋瘡療癡癢癮癱發皁皺盜盞盡監盤盧眾睜睞瞞矚矯碩確碼磚磯礎礙礦礫",
    "祕祿禍禎禪禮禱禿稅稜稟種稱積穎穢穩窩窪窮窯窺竄竅竇竊競筆箏節範築篤篩簡簫簷簾籃籌",
    "籠籤籲粵糞糧糾紀約紅紋納紐純紗紙級紛紡細紳紹終組結絕絞絡給絨統絲絹綁綏經綜綠綢維",
    "綱網綴綺綻綽綿緇緊緒線緝緞締緣編緩緬緯練縐縛縣縫縮縱縷總績繃織繕繞繡繩繪繳繼續纏",
    "纖纜罰罵罷羅羈羨義習翹聖聞聯聰聲聳聶職聽聾肅脅脈脣脫脹腎腦腫腳腸膚膠膩膽膿臉臘臚",
    "臥臨臺與興舉舊艙艦艱茲荊莊莖華萊萬葉葦葷蒼蓋蓮蔣蔥蔭蕩蕪蕭薦薩藍藝藥蘄蘆蘇蘊蘋蘭",
    "蘿處虛虜號虧蝕蝦螞蟬蟲蟻蠅蠟蠶蠻術衛衝袞補裝裡褲襖襪襯襲見規覓視親覷覺覽觀觸訂計",
    "訊訌討訓託記訝訟訣訪設許訴診詐詔評詞詠詢試詩詫詭話該詳誅誇認誕誘語誠誣誤誥誦誨說",
    "誰課誼調談請諒論諧諫諭諮諱諷諸諾謀謂謊謎謙講謝謠謬謹譁證譏識譚譜譯議譴護譽讀變讓",
    "豈豎豐豔豬貓貝貞負財貢貧貨販貪貫責貯貴貶買貸費貼貿賀賂賄資賈賊賓賜賞賠賢賣賤賦質",
    "賬賭賴賺購賽贈贊贏贓贖贛趕趙趨跡踐蹤躍軀車軋軌軍軒軟軸較載輔輕輛輝輦輩輪輯輸輻輿",
    "轄轅轉轎轟辦辭辮辯農這連進遊運過達違遙遜遞遠適遲遷選遺遼邁還邊邏郵鄉鄒鄖鄧鄭鄰醃",
    "醜醫醬釀釋釐釗釘針釣鈉鈍鈔鈞鈣鈦鈴鈾鉀鉛鉤鉻銀銅銘銜銳銷鋁鋅鋒鋪鋸鋼錄錐錘錚錛錠",
    "錢錦錫錯錳鍋鍛鍵鍾鎂鎊鎖鎮鎳鏈鏟鏡鏢鐵鑄鑑鑰鑲鑼鑽鑿長門閃閉開閒間閘閣閥閨閩閱閻",
    "闊闕闖關闡闢陝陣陰陳陸陽隊階際隨險隱隴隸雖雙雜雞離難雲電霧靈靜鞏韃韋韌韓韜韻響頁",
    "頂頃項順須頌預頑頒頓頗領頜頤頭頰頸頻顆題額顏願顛類顧顫顯顱風飄飛飢飯飲飼飽飾餅餈",
    "餉養餌餓餘餚館饅饋饒馬馮馳馴駁駐駒駕駙駛駝駭駱騎騙騫騰騷騾驀驅驕驗驚驛驟驢髒體鬥",
    "鬧鬱魚魯鮑鮮鯉鯊鯨鰭鰱鰲鱗鱘鱷鳥鳩鳳鳴鴉鴛鴣鴦鴨鴻鴿鵑鵝鵬鶴鷓鷹鹹鹼鹽麗麥麼黃點",
    "黨黴齊齋齒齡龍龐龜",
};

/* ---- UTF-8 ------------------------------------------------------------- */

/* ---- UTF-16 and binary sniffing ---------------------------------------- */

static unsigned unit16(const unsigned char *p, int le)
{
    return le ? (unsigned)p[0] | (unsigned)p[1] << 8 : (unsigned)p[0] << 8 | p[1];
}

/* 1 when a UTF-16 unit is plausible text: not a C0/C1 control (other than
 * tab, newline, form feed, return), private use or a non-character. */
static int unit_texty(unsigned u)
{
    if (u < 0x20)
        return u == '\t' || u == '\n' || u == '\f' || u == '\r';
    if (u >= 0x7F && u < 0xA0)
        return 0;
    return !(u >= 0xE000 && u <= 0xF8FF) && u != 0xFFFE && u != 0xFFFF;
}

/* 1 when at most 10% of the first n bytes' units (of p) are not text. */
static int utf16_texty(const unsigned char *p, size_t n, int le)
{
    size_t units = n / 2, bad = 0;
    for (size_t i = 0; i < units; i++)
        bad += !unit_texty(unit16(p + 2 * i, le));
    return bad * 10 <= units;
}

/* 1 when a UTF-16 unit is what text in a language is made of: ASCII text,
 * Latin, Greek, Cyrillic, general punctuation, CJK, Hangul, full-width
 * forms or a surrogate.  A unit read with the wrong byte order rarely is. */
static int unit_script(unsigned u)
{
    return (u >= 0x20 && u < 0x7F) || (u < 0x20 && unit_texty(u)) || (u >= 0xA0 && u < 0x500)
           || (u >= 0x2000 && u < 0x2070) || (u >= 0x3000 && u < 0xA000)
           || (u >= 0xAC00 && u < 0xE000) || (u >= 0xFF00 && u < 0xFFF0);
}

/* 1 = UTF-16LE, 2 = UTF-16BE, 0 = neither, for text without a BOM: the
 * first HEAD bytes must hold NULs (every ASCII character in UTF-16 has
 * one), and in one byte order at least 90% of the units must be script
 * units (unit_script); the better order wins. */
static int utf16_guess(const unsigned char *p, size_t len)
{
    size_t n = (len < HEAD ? len : HEAD) & ~(size_t)1, nul = 0, good[2] = { 0, 0 };
    for (size_t i = 0; i < n; i++)
        nul += !p[i];
    if (nul < 2 || nul < n / 400)
        return 0;
    for (size_t i = 0; i < n; i += 2) {
        good[0] += unit_script(unit16(p + i, 0));
        good[1] += unit_script(unit16(p + i, 1));
    }
    int le = good[1] > good[0];
    return good[le] * 10 >= n / 2 * 9 ? 2 - le : 0;
}

/* BOM at p: 8 for UTF-8, 16 + le for UTF-16, 0 for none. */
static int bom_kind(const unsigned char *p, size_t len)
{
    if (len >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
        return 8;
    if (len >= 2 && p[0] == 0xFF && p[1] == 0xFE)
        return 17;
    if (len >= 2 && p[0] == 0xFE && p[1] == 0xFF)
        return 16;
    return 0;
}

/* Looks at the first HEAD bytes only. */
int ss_looks_binary(const char *raw, size_t len)
{
    const unsigned char *p = (const unsigned char *)raw;
    size_t n = len < HEAD ? len : HEAD, ctl = 0;
    if (!raw || !len)
        return 0;
    int bom = bom_kind(p, n);
    if (bom == 16 || bom == 17)
        return !utf16_texty(p + 2, n - 2, bom == 17);
    if (utf16_guess(p, len))
        return 0;
    if (memchr(p, 0, n))
        return 1;
    for (size_t i = 0; i < n; i++)
        ctl += p[i] == 0x7F || (p[i] < 0x20 && !unit_texty(p[i]));
    return ctl * 10 > n;
}

/* ---- the conversion engine --------------------------------------------- */

typedef struct {
    const unsigned char *raw; /* whole input (borrowed); spans index it */
    fam_t fam;
    iconv_t cd;               /* to UTF-8; unused for FAM_UTF8 */
    const char *name;         /* encoding name, for warnings */
    ss_text_builder *b;       /* output (borrowed) */
    size_t invalid;           /* U+FFFD inserted so far */
    ss_warn_fn warn;          /* may be NULL */
    void *warn_arg;
} conv;

static size_t scan_gb18030(const unsigned char *p, size_t n)
{
    if (p[0] < 0x80)
        return 1;
    if (p[0] == 0x80 || p[0] == 0xFF || n < 2)
        return 0;
    if ((p[1] >= 0x40 && p[1] <= 0x7E) || (p[1] >= 0x80 && p[1] <= 0xFE))
        return 2;
    if (p[1] >= 0x30 && p[1] <= 0x39 && n >= 4 && p[2] >= 0x81 && p[2] <= 0xFE
        && p[3] >= 0x30 && p[3] <= 0x39)
        return 4;
    return 0;
}

static size_t scan_big5(const unsigned char *p, size_t n)
{
    if (p[0] < 0x80)
        return 1;
    if (p[0] == 0x80 || p[0] == 0xFF || n < 2)
        return 0;
    if ((p[1] >= 0x40 && p[1] <= 0x7E) || (p[1] >= 0xA1 && p[1] <= 0xFE))
        return 2;
    return 0;
}

static size_t scan_utf16(const unsigned char *p, size_t n, int le, size_t *skip)
{
    if (n < 2)
        return 0;
    unsigned u = unit16(p, le);
    if (u < 0xD800 || u > 0xDFFF)
        return 2;
    if (u <= 0xDBFF && n >= 4) {
        unsigned v = unit16(p + 2, le);
        if (v >= 0xDC00 && v <= 0xDFFF)
            return 4;
    }
    *skip = 2; /* lone surrogate */
    return 0;
}

/* Length of the well-formed character at p (n > 0 bytes left), or 0 when
 * none starts there; *skip then gets the number of bytes to replace (the
 * next scan starts at the next plausible character boundary). */
static size_t scan_char(fam_t fam, const unsigned char *p, size_t n, size_t *skip)
{
    *skip = 1;
    switch (fam) {
    case FAM_GB:
        return scan_gb18030(p, n);
    case FAM_BIG5:
        return scan_big5(p, n);
    case FAM_UTF16LE:
    case FAM_UTF16BE:
        return scan_utf16(p, n, fam == FAM_UTF16LE, skip);
    default: {
        int r = utf8_seq((const char *)p, n);
        if (r > 0)
            return (size_t)r;
        *skip = (size_t)-r;
        return 0;
    }
    }
}

/* Appends U+FFFD for raw[pos, pos + skip) and reports it. */
static void conv_bad(conv *c, size_t pos, size_t skip, const char *why)
{
    ss_tb_add(c->b, REPLACEMENT, 3, (uint32_t)pos, (uint32_t)(pos + skip));
    c->invalid++;
    if (c->warn) {
        char msg[160];
        snprintf(msg, sizeof msg, "%s %s byte sequence (%zu byte%s) replaced by U+FFFD", why,
                 c->name, skip, skip == 1 ? "" : "s");
        c->warn(c->warn_arg, pos, msg);
    }
}

/* Appends out (outlen bytes of valid UTF-8 holding exactly n code points);
 * code point i gets the raw span of character i, characters being lens[]
 * bytes long one after the other from start. */
static void emit_mapped(conv *c, size_t start, const uint8_t *lens, size_t n, const char *out,
                        size_t outlen)
{
    ss_text_builder *b = c->b;
    if (ss_tb_reserve(b, outlen))
        return;
    char *text = b->text + b->len;
    uint32_t *os = b->ostart + b->len, *oe = b->oend + b->len;
    uint32_t pos = (uint32_t)start;
    size_t k = 0;
    memcpy(text, out, outlen);
    for (size_t i = 0; i < n && k < outlen; i++) {
        uint32_t end = pos + lens[i];
        size_t stop = k + utf8_lead_len((unsigned char)out[k]);
        for (; k < stop && k < outlen; k++) {
            os[k] = pos;
            oe[k] = end;
        }
        pos = end;
    }
    b->len += outlen;
    b->text[b->len] = '\0';
}

/* Converts all n bytes of in into out; returns the bytes written, or -1
 * with *e set to errno (EINVAL: incomplete, EILSEQ: invalid, E2BIG).
 * The caller resets cd after a failure if it needs to. */
static long iconv_exact(iconv_t cd, const unsigned char *in, size_t n, char *out, size_t cap,
                        int *e)
{
    char *ip = (char *)in, *op = out; /* iconv does not write the input */
    size_t il = n, ol = cap;
    errno = 0;
    if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1 || il) {
        *e = errno ? errno : EINVAL;
        return -1;
    }
    return (long)(op - out);
}

/* Converts the n characters (lens[]) starting at pos one at a time;
 * unmappable ones become U+FFFD.  Returns where scanning resumes. */
static size_t conv_each(conv *c, size_t pos, const uint8_t *lens, size_t n)
{
    char out[64];
    int e;
    for (size_t i = 0; i < n; i++) {
        const unsigned char *p = c->raw + pos;
        long m = iconv_exact(c->cd, p, lens[i], out, sizeof out, &e);
        if (m < 0) {
            iconv(c->cd, NULL, NULL, NULL, NULL);
            /* a two-byte pair whose trail is ASCII: keep the ASCII byte */
            int keep = (c->fam == FAM_GB || c->fam == FAM_BIG5) && lens[i] == 2 && p[1] < 0x80;
            conv_bad(c, pos, keep ? 1 : lens[i], "unmappable");
            if (keep)
                return pos + 1;
        } else if (m > 0) {
            ss_tb_add(c->b, out, (size_t)m, (uint32_t)pos, (uint32_t)(pos + lens[i]));
        }
        pos += lens[i];
    }
    return pos;
}

/* Converts the well-formed characters raw[start, end) (lens[], n of them)
 * in one iconv call when that yields one code point per character, else
 * one by one.  Returns where scanning resumes. */
static size_t conv_chars(conv *c, size_t start, size_t end, const uint8_t *lens, size_t n)
{
    if (c->fam == FAM_UTF8) {
        emit_mapped(c, start, lens, n, (const char *)c->raw + start, end - start);
        return end;
    }
    char out[CHUNK * 8];
    int e;
    long m = iconv_exact(c->cd, c->raw + start, end - start, out, sizeof out, &e);
    if (m >= 0 && utf8_count(out, (size_t)m) == n) {
        emit_mapped(c, start, lens, n, out, (size_t)m);
        return end;
    }
    iconv(c->cd, NULL, NULL, NULL, NULL);
    return conv_each(c, start, lens, n);
}

/* Decodes raw[pos, end) with a scanner family into c->b. */
static void conv_range(conv *c, size_t pos, size_t end)
{
    uint8_t lens[CHUNK];
    while (pos < end && !c->b->failed) {
        size_t n = 0, p = pos, skip = 1, l;
        while (p < end && n < CHUNK && (l = scan_char(c->fam, c->raw + p, end - p, &skip))) {
            lens[n++] = (uint8_t)l;
            p += l;
        }
        if (n) {
            pos = conv_chars(c, pos, p, lens, n);
        } else {
            conv_bad(c, pos, skip, "invalid");
            pos += skip;
        }
    }
}

/* Decodes raw[pos, end) with an encoding we have no scanner for: each
 * character is found by feeding iconv one more byte until it converts.
 * The conversion state is kept between characters (stateful encodings). */
static void conv_generic(conv *c, size_t pos, size_t end)
{
    char out[64];
    while (pos < end && !c->b->failed) {
        long m = -1;
        size_t k = 0;
        int e = EINVAL;
        while (m < 0 && e == EINVAL && k < 8 && pos + k < end)
            m = iconv_exact(c->cd, c->raw + pos, ++k, out, sizeof out, &e);
        if (m < 0) {
            iconv(c->cd, NULL, NULL, NULL, NULL);
            conv_bad(c, pos, 1, "invalid");
            pos++;
            continue;
        }
        if (m > 0)
            ss_tb_add(c->b, out, (size_t)m, (uint32_t)pos, (uint32_t)(pos + k));
        pos += k;
    }
}

/* ---- scoring ----------------------------------------------------------- */

#define HAN_LO 0x4E00u
#define HAN_HI 0x9FFFu

typedef struct {
    uint32_t bits[(HAN_HI - HAN_LO + 1 + 31) / 32];
} han_set;

static void han_add_rows(han_set *s, const char *const *rows, size_t nrows)
{
    for (size_t r = 0; r < nrows; r++) {
        const unsigned char *p = (const unsigned char *)rows[r];
        size_t n;
        for (; *p; p += n) {
            uint32_t cp = utf8_valid_cp((const char *)p, &n);
            if (cp >= HAN_LO && cp <= HAN_HI)
                s->bits[(cp - HAN_LO) / 32] |= UINT32_C(1) << ((cp - HAN_LO) % 32);
        }
    }
}

static void han_build(han_set *s)
{
    memset(s, 0, sizeof *s);
    han_add_rows(s, common_simplified, NELEM(common_simplified));
    han_add_rows(s, common_traditional, NELEM(common_traditional));
}

static int han_common(const han_set *s, uint32_t cp)
{
    return cp >= HAN_LO && cp <= HAN_HI
           && (s->bits[(cp - HAN_LO) / 32] >> ((cp - HAN_LO) % 32) & 1);
}

/* Punctuation of Chinese text: ideographic space, 、。〃, brackets 〈〉《》
 * 「」『』【】〔〕, full-width forms, curly quotes, dashes, ellipsis, dot. */
static int cjk_punct(uint32_t cp)
{
    return (cp >= 0x3000 && cp <= 0x3003) || (cp >= 0x3008 && cp <= 0x3017)
           || (cp >= 0xFF01 && cp <= 0xFF5E) || (cp >= 0x2018 && cp <= 0x201D)
           || cp == 0x2014 || cp == 0x2026 || cp == 0x00B7;
}

/* How much one code point speaks for the decode being right. */
static int cp_score(const han_set *s, uint32_t cp)
{
    if (cp < 0x80)
        return cp == 0x7F || (cp < 0x20 && !unit_texty(cp)) ? -4 : 0;
    if (cp >= HAN_LO && cp <= HAN_HI)
        return han_common(s, cp) ? 3 : -1;
    if (cjk_punct(cp))
        return 2;
    if (cp == 0xFFFD)
        return -6;
    if (cp < 0xA0 || (cp >= 0xE000 && cp <= 0xF8FF) || cp >= 0xF0000)
        return -4; /* C1 control, private use */
    if (cp >= 0xAC00 && cp <= 0xD7AF)
        return -2; /* Hangul: what GBK read as Big5 or UTF-16 tends to give */
    return -1;     /* rare Han, kana, Greek, Cyrillic, symbols... */
}

static long text_score(const han_set *s, const char *text, size_t len)
{
    const unsigned char *p = (const unsigned char *)text;
    long score = 0;
    size_t n;
    for (size_t i = 0; i < len; i += n)
        score += cp_score(s, utf8_valid_cp((const char *)p + i, &n));
    return score;
}

/* ---- choosing the encoding --------------------------------------------- */

typedef struct {
    fam_t fam;
    const char *iconv_name; /* what iconv is opened with (FAM_UTF8: unused) */
    char name[32];          /* reported in ss_decode_info */
    size_t start;           /* BOM bytes skipped */
    int identity;           /* valid UTF-8 from byte 0: copy, no map */
} choice;

static void set_choice(choice *ch, fam_t fam, size_t start)
{
    static const char *const names[] = { "UTF-8", "UTF-16LE", "UTF-16BE", "GB18030", "BIG5" };
    static const char *const iconv_names[] = { "UTF-8", "UTF-16LE", "UTF-16BE", "GB18030",
                                               "BIG5-HKSCS" };
    memset(ch, 0, sizeof *ch);
    ch->fam = fam;
    ch->start = start;
    if (fam != FAM_OTHER) {
        ch->iconv_name = iconv_names[fam];
        snprintf(ch->name, sizeof ch->name, "%s", names[fam]);
    }
}

/* Picks the encoding from a BOM; returns 0 when there is none. */
static int bom_choice(const unsigned char *p, size_t len, choice *ch)
{
    int bom = bom_kind(p, len);
    if (bom)
        set_choice(ch, bom == 8 ? FAM_UTF8 : bom == 17 ? FAM_UTF16LE : FAM_UTF16BE,
                   bom == 8 ? 3 : 2);
    return bom != 0;
}

/* Where to trial-decode: up to SAMPLE bytes from the first non-ASCII byte
 * (ASCII is equal in every candidate), ending after a byte below 0x30,
 * which is never part of a GB18030 or Big5 character, so that no
 * candidate is blamed for a character cut in two. */
static void sample_bounds(const unsigned char *p, size_t len, size_t *from, size_t *to)
{
    size_t f = utf8_skip_ascii((const char *)p, 0, len), t = len;
    if (len - f > SAMPLE) {
        t = f + SAMPLE;
        for (size_t u = t; u + 1024 > t; u--) {
            if (p[u - 1] < 0x30) {
                t = u;
                break;
            }
        }
    }
    *from = f;
    *to = t;
}

/* Score of raw[from, to) decoded as fam (iconv name icname). */
static ss_code trial_score(const unsigned char *raw, size_t from, size_t to, fam_t fam,
                           const char *icname, const han_set *hs, long *score, ss_err *err)
{
    iconv_t cd = (iconv_t)-1;
    if (fam != FAM_UTF8 && (cd = iconv_open("UTF-8", icname)) == (iconv_t)-1)
        return ss_seterr(err, SS_EUNSUPPORTED, "iconv cannot decode %s", icname);
    ss_text_builder b;
    ss_tb_init(&b);
    conv c = { raw, fam, cd, icname, &b, 0, NULL, NULL };
    conv_range(&c, from, to);
    int failed = b.failed;
    *score = failed ? 0 : text_score(hs, b.text, b.len);
    ss_tb_free(&b);
    if (cd != (iconv_t)-1)
        iconv_close(cd);
    return failed ? ss_seterr(err, SS_ENOMEM, "out of memory detecting the encoding") : SS_OK;
}

/* Invalid UTF-8 without BOM: trial-decodes a sample as lossy UTF-8,
 * GB18030 and Big5 and keeps the best score (ties: that order).  With no
 * positive score (stray bytes in ASCII) it stays UTF-8. */
static ss_code detect_cjk(const unsigned char *p, size_t len, choice *ch, ss_err *err)
{
    static const fam_t fams[] = { FAM_UTF8, FAM_GB, FAM_BIG5 };
    han_set hs;
    size_t from, to;
    long best = 0;
    han_build(&hs);
    sample_bounds(p, len, &from, &to);
    set_choice(ch, FAM_UTF8, 0);
    for (size_t i = 0; i < NELEM(fams); i++) {
        choice cand;
        long score;
        set_choice(&cand, fams[i], 0);
        ss_code rc = trial_score(p, from, to, fams[i], cand.iconv_name, &hs, &score, err);
        if (rc != SS_OK)
            return rc;
        if (score > best) {
            best = score;
            *ch = cand;
        }
    }
    return SS_OK;
}

static ss_code choose_detect(const unsigned char *p, size_t len, choice *ch, ss_err *err)
{
    if (bom_choice(p, len, ch))
        return SS_OK;
    int g = utf16_guess(p, len);
    if (g) {
        set_choice(ch, g == 1 ? FAM_UTF16LE : FAM_UTF16BE, 0);
        return SS_OK;
    }
    if (utf8_valid_prefix((const char *)p, len) == len) {
        set_choice(ch, FAM_UTF8, 0);
        ch->identity = 1;
        return SS_OK;
    }
    return detect_cjk(p, len, ch, err);
}

static char ascii_upper(char c)
{
    return c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c;
}

/* Upper-cased ASCII letters and digits of name (at most cap - 1). */
static void name_key(const char *name, char *key, size_t cap)
{
    size_t k = 0;
    for (; *name && k + 1 < cap; name++) {
        char c = ascii_upper(*name);
        if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
            key[k++] = c;
    }
    key[k] = '\0';
}

/* Family of an encoding label; aliases as used by browsers and iconv. */
static fam_t family_of(const char *name)
{
    static const struct {
        const char *key;
        fam_t fam;
    } aliases[] = {
        { "UTF8", FAM_UTF8 },         { "UTF16LE", FAM_UTF16LE },  { "UTF16BE", FAM_UTF16BE },
        { "GB18030", FAM_GB },        { "GBK", FAM_GB },           { "GB2312", FAM_GB },
        { "CP936", FAM_GB },          { "MS936", FAM_GB },         { "WINDOWS936", FAM_GB },
        { "XGBK", FAM_GB },           { "EUCCN", FAM_GB },         { "CSGB2312", FAM_GB },
        { "GB231280", FAM_GB },       { "CHINESE", FAM_GB },       { "BIG5", FAM_BIG5 },
        { "BIG5HKSCS", FAM_BIG5 },    { "CP950", FAM_BIG5 },       { "CNBIG5", FAM_BIG5 },
        { "CSBIG5", FAM_BIG5 },       { "XXBIG5", FAM_BIG5 },      { "WINDOWS950", FAM_BIG5 },
    };
    char key[40];
    name_key(name, key, sizeof key);
    for (size_t i = 0; i < NELEM(aliases); i++)
        if (!strcmp(key, aliases[i].key))
            return aliases[i].fam;
    return FAM_OTHER;
}

/* A forced label.  A BOM still wins (as in browsers): it cannot be wrong,
 * labels often are.  "UTF-16" without BOM: guessed from NULs, else LE. */
static ss_code choose_forced(const unsigned char *p, size_t len, const char *forced, choice *ch)
{
    if (bom_choice(p, len, ch))
        return SS_OK;
    char key[40];
    name_key(forced, key, sizeof key);
    fam_t fam = family_of(forced);
    if (fam == FAM_OTHER && (!strcmp(key, "UTF16") || !strcmp(key, "UNICODE")))
        fam = utf16_guess(p, len) == 2 ? FAM_UTF16BE : FAM_UTF16LE;
    set_choice(ch, fam, 0);
    if (fam == FAM_UTF8)
        ch->identity = utf8_valid_prefix((const char *)p, len) == len;
    else if (fam == FAM_GB || fam == FAM_BIG5)
        ch->identity = utf8_skip_ascii((const char *)p, 0, len) == len; /* ASCII reads the same */
    if (fam == FAM_OTHER) {
        ch->iconv_name = forced;
        size_t k = 0;
        for (; forced[k] && k + 1 < sizeof ch->name; k++)
            ch->name[k] = ascii_upper(forced[k]);
        ch->name[k] = '\0';
    }
    return SS_OK;
}

/* ---- decoding ---------------------------------------------------------- */

static ss_code copy_identity(const char *raw, size_t len, ss_text *out, ss_err *err)
{
    char *t = malloc(len + 1);
    if (!t)
        return ss_seterr(err, SS_ENOMEM, "out of memory copying %zu bytes of text", len);
    if (len)
        memcpy(t, raw, len);
    t[len] = '\0';
    out->text = t;
    out->len = len;
    return SS_OK;
}

static ss_code convert(const unsigned char *p, size_t len, const choice *ch, ss_text *out,
                       ss_decode_info *info, ss_warn_fn warn, void *warn_arg, ss_err *err)
{
    if ((uint64_t)len > UINT32_MAX)
        return ss_seterr(err, SS_EINVAL, "%zu bytes is too large to map (4 GiB limit)", len);
    iconv_t cd = (iconv_t)-1;
    if (ch->fam != FAM_UTF8 && (cd = iconv_open("UTF-8", ch->iconv_name)) == (iconv_t)-1)
        return ss_seterr(err, ch->fam == FAM_OTHER ? SS_EINVAL : SS_EUNSUPPORTED,
                         "unknown encoding '%s' (iconv cannot decode it)", ch->iconv_name);
    ss_text_builder b;
    ss_tb_init(&b);
    /* Chinese text grows by about half in UTF-8; untouched room costs
     * address space only. */
    ss_tb_reserve(&b, ch->fam == FAM_UTF8 ? len : len / 2 * 3 + 64);
    conv c = { p, ch->fam, cd, ch->name, &b, 0, warn, warn_arg };
    if (ch->fam == FAM_OTHER)
        conv_generic(&c, ch->start, len);
    else
        conv_range(&c, ch->start, len);
    if (cd != (iconv_t)-1)
        iconv_close(cd);
    info->invalid = c.invalid;
    return ss_tb_finish(&b, out, err);
}

ss_code ss_decode(const char *raw, size_t len, const char *forced, ss_text *out,
                  ss_decode_info *info, ss_warn_fn warn, void *warn_arg, ss_err *err)
{
    ss_decode_info local;
    const unsigned char *p = (const unsigned char *)raw;
    choice ch;
    if (!out || (!raw && len))
        return ss_seterr(err, SS_EINVAL, "ss_decode: NULL argument");
    ss_text_init(out);
    if (!info)
        info = &local;
    memset(info, 0, sizeof *info);
    ss_code rc = forced && *forced ? choose_forced(p, len, forced, &ch)
                                   : choose_detect(p, len, &ch, err);
    if (rc != SS_OK)
        return rc;
    snprintf(info->encoding, sizeof info->encoding, "%s", ch.name);
    info->bom = ch.start > 0;
    if (ch.identity)
        return copy_identity(raw, len, out, err);
    return convert(p, len, &ch, out, info, warn, warn_arg, err);
}
