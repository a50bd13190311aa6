/* decode_score.c: telling GB18030 from Big5 (and from stray bytes in
 * UTF-8) by decoding a sample each way and scoring how Chinese-like the
 * text reads: common Han characters and CJK punctuation score; rare,
 * private-use, control and replaced characters cost.
 * No global mutable state: the common-character bitmap is built on the
 * stack by each call. */
#include "decode_int.h"

#include <stdint.h>
#include <string.h>

#include "base.h"
#include "utf8.h"

#define SAMPLE (64 * 1024) /* bytes trial-decoded */

/* ---- common characters ---- */

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

/* ---- scoring ---- */

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
        return cp == 0x7F || (cp < 0x20 && !dec_unit_texty(cp)) ? -4 : 0;
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

/* ---- the trial ---- */

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

/* Score of raw[from, to) decoded as fam. */
static ss_code trial_score(const unsigned char *raw, size_t from, size_t to, fam_t fam,
                           const han_set *hs, long *score, ss_err *err)
{
    const char *icname = dec_iconv_name(fam);
    iconv_t cd = (iconv_t)-1;
    if (fam != FAM_UTF8 && (cd = iconv_open("UTF-8", icname)) == (iconv_t)-1)
        return ss_seterr(err, SS_EUNSUPPORTED, "iconv cannot decode %s", icname);
    ss_text_builder b;
    ss_tb_init(&b);
    dec_conv c = { raw, fam, cd, icname, &b, 0, NULL, NULL };
    dec_conv_range(&c, from, to);
    int failed = b.failed;
    *score = failed ? 0 : text_score(hs, b.text, b.len);
    ss_tb_free(&b);
    if (cd != (iconv_t)-1)
        iconv_close(cd);
    return failed ? ss_seterr(err, SS_ENOMEM, "out of memory detecting the encoding") : SS_OK;
}

/* Trial-decodes a sample as lossy UTF-8, GB18030 and Big5 and keeps the
 * best score (ties: that order).  With no positive score (stray bytes in
 * ASCII) it stays UTF-8. */
ss_code dec_guess_cjk(const unsigned char *p, size_t len, fam_t *fam, ss_err *err)
{
    static const fam_t fams[] = { FAM_UTF8, FAM_GB, FAM_BIG5 };
    han_set hs;
    size_t from, to;
    long best = 0;
    han_build(&hs);
    sample_bounds(p, len, &from, &to);
    *fam = FAM_UTF8;
    for (size_t i = 0; i < NELEM(fams); i++) {
        long score;
        ss_code rc = trial_score(p, from, to, fams[i], &hs, &score, err);
        if (rc != SS_OK)
            return rc;
        if (score > best) {
            best = score;
            *fam = fams[i];
        }
    }
    return SS_OK;
}
