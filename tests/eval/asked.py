#!/usr/bin/env python3
"""The queries of a judged set asked other ways.

usage: asked.py SPEECH_QUERY INDEX QRELS OUT_JSON

Each question of QRELS that begins with 如何, 怎样 or 怎么 is run again in
ten other phrasings a user types for the same need (怎样才能…, …有哪些措施,
…该怎么办, 请问如何…); each query of two keywords of Chinese words of two
characters or more (乡村振兴 人才) with five other ways of joining them
(乡村振兴、人才, 乡村振兴，人才, 乡村振兴和人才, 乡村振兴与人才, a full-width
blank; and since the seventeenth round as one moving the other, 乡村振兴推动人才,
以乡村振兴促进人才…, and with where the second stands, 乡村振兴领域的人才, …下的…; 乡村振兴的人才, which reads as the two apart since the thirteenth round,
is asked with the requests below); and each
query of one Chinese word with a particle after or before it (乡村振兴的,
乡村振兴等, 的乡村振兴); each query holding letters or digits typed full-width
(５Ｇ基站); each query holding a figure with its figures written the other way
(一百万吨 as 100万吨, 百分之八十 as 80%, 3000万吨 as 三千万吨; not a year, not a
numeral inside a word such as 一带一路), and with a digit before 千 or 百 where
one numeral stands there (一千亿美元 as 1千亿美元, 五千万吨 as 5千万吨); each one-word query and keyword pair
with the words of a request around it (关于…, …情况, 有关…的讲话, …工作,
…？, 什么是…, …的意义, 我想了解…, 帮我找…, and typed apart, … 措施, … 怎么办; a
pair also joined by 的); each with a general verb before it (推进…, 做好…) and,
since the twentieth round, with the verb's manner too (全面推进…, 切实加强…,
大力发展…, 着力打造…, 持续优化…); each asked of its state (…存在的问题, …面临的困难,
…仍然存在的问题, …存在的突出问题,
…取得了哪些成效, …进展如何); each asked how it goes, what came of it and
the ways of it (…的现状, …推进情况, …工作开展情况, …的成效, …的典型做法…)
and for an aspect of it (解读…, …的背景, …的主要内容, …包括哪些, …的要求…); each question that begins with 如何, 怎样 or 怎么 typed as what is to
be done (no question word: 推进医养结合) or as a request for the ways of
doing it (…的做法, …的经验), and at more length (我想了解如何…, 各地是如何…的,
…的具体措施有哪些, …的对策建议) and, since the seventeenth round, asked for the
ways in other words (…有何对策, …从哪些方面入手, …的着力点, …该从何处着手…); each name (kind name) with a title or a verb of saying
after it (…同志, …书记, …强调, …讲话精神), and with a title before it or as a speech's
speaker (省委书记…, 市长…, …在会上的讲话; seventeenth round); each keyword pair of a figure or a year and a
word typed together (吞吐量一亿吨, 2018年重点项目), and with how near
the figure is (吞吐量 一亿吨以上, …左右, 约…, 近…; seventeenth round); each keyword pair joined by 和 or 、 and asked for its
ways or its state (乡村振兴和人才的具体措施, 乡村振兴、人才的具体措施, …存在的问题;
twentieth round); each
keyword pair of a place and a word as the word in the place (螺蛳粉在柳州;
seventeenth round); each keyword pair of a year and a word with a time of
the year or since it (2008年初雨雪冰冻, 1998年以来的…; seventeenth round); each one-word
query asked which faults it has (…存在哪些困难, …的突出问题), how well it is done or what
it means (哪些地方…做得好, 如何理解…), with a case or a plan (…典型案例, …实施方案;
twenty-second round); each keyword pair with the first as the means of moving the second
(用…带动…, 通过…推动…), asked how the two go together (…和…如何结合) or joined by 的
and asked how they go (…的…怎么样), each name asked what it thinks (…怎么看; twenty-second
round), each query with letters glued to Chinese typed with a blank between (3D 打印,
read as two keywords; twenty-second round), and each keyword pair of a year and an event asked how it was met, what it did
or what was learnt (…是怎么应对的, …造成的损失, …的经验教训, 回顾…; twenty-second round),
each one-word query asked for material on it or a piece written on it (…金句, …素材,
…的讲话摘录, 谈…, …简介; twenty-third round), and how it was put over the years
(历年…, …各年份, …的写法, …的演变, …发展历程; twenty-third round), after the time since
an event or asked when it was first put (改革开放以来…, 党的十八大以来…, 多年来…, 首次提出…;
twenty-fourth round), with the material asked for typed apart (… 素材, … 原话, …讲话全文;
twenty-fourth round);
and every query but
those written so in traditional script (OpenCC's s2t; skipped with a
message without the opencc command).  Each way is scored with the query's own judgments
(score.py score(), nDCG@10).  Prints a line for each kind: the mean as
typed and the mean and lowest of the other ways; writes every mean to
OUT_JSON.  A way far below the query as typed is a way of asking the parser
does not read (lib/qwords.c, lib/qparse.c).
"""
import json
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from score import score  # noqa: E402

LEAD = re.compile(r"^(如何|怎样|怎么)")
FORMS = {
    "怎样才能…": lambda r: "怎样才能" + r,
    "如何才能…": lambda r: "如何才能" + r,
    "怎么样…": lambda r: "怎么样" + r,
    "怎样进一步…": lambda r: "怎样进一步" + r,
    "如何更好地…": lambda r: "如何更好地" + r,
    "请问如何…": lambda r: "请问如何" + r,
    "…有哪些措施": lambda r: r + "有哪些措施",
    "…有什么办法": lambda r: r + "有什么办法",
    "…可以怎样做": lambda r: r + "可以怎样做",
    "…该怎么办": lambda r: r + "该怎么办",
}


TWO = re.compile(r"^([\u4e00-\u9fff]{2,}) ([\u4e00-\u9fff]{2,})$")
JOINS = {"、": "、", "，": "，", "和": "和", "与": "与", "full-width blank": "\u3000"}
ONE = re.compile(r"^[\u4e00-\u9fff]{2,}$")
ENDS = {"…的": lambda t: t + "的", "…等": lambda t: t + "等", "的…": lambda t: "的" + t}


REQUESTS = {"关于…": lambda t: "关于" + t, "…情况": lambda t: t + "情况",
            "有关…的讲话": lambda t: "有关" + t + "的讲话", "…工作": lambda t: t + "工作",
            "…？": lambda t: t + "？", "什么是…": lambda t: "什么是" + t,
            "…的意义": lambda t: t + "的意义", "我想了解…": lambda t: "我想了解" + t,
            "帮我找…": lambda t: "帮我找" + t, "… 措施": lambda t: t + " 措施",
            "… 怎么办": lambda t: t + " 怎么办"}
PAIR_REQUESTS = {"关于A B": lambda t: "关于" + t, "A B 情况": lambda t: t + " 情况",
                 "A B？": lambda t: t + "？", "A的B": lambda t: t.replace(" ", "的")}
DOING = {"no question word": lambda r: r, "…的做法": lambda r: r + "的做法",
         "…的经验": lambda r: r + "的经验"}
STATE = {"…存在的问题": lambda t: t + "存在的问题", "…面临的困难": lambda t: t + "面临的困难",
         "…取得了哪些成效": lambda t: t + "取得了哪些成效", "…进展如何": lambda t: t + "进展如何"}
# ... with an adverb before the verb or an adjective before the noun, as
# the reports write them (…仍然存在的问题, …存在的突出问题)
STATE_MORE = {"…仍然存在的问题": lambda t: t + "仍然存在的问题",
              "…普遍存在的问题": lambda t: t + "普遍存在的问题",
              "…存在的突出问题": lambda t: t + "存在的突出问题",
              "…面临的主要困难": lambda t: t + "面临的主要困难"}
SAID = {"…同志": lambda t: t + "同志", "…书记": lambda t: t + "书记", "…强调": lambda t: t + "强调",
        "…讲话精神": lambda t: t + "讲话精神"}
# A word asked with a general verb before it: 推进双减, 加快新基建.
DOING_WORD = {"推进…": lambda t: "推进" + t, "加快…": lambda t: "加快" + t,
              "做好…": lambda t: "做好" + t}
# ... and with the manner of the verb before it (twentieth round): 全面推进双减,
# 大力发展新基建, 切实加强…, 加快推进….
DOING_MANNER = {"全面推进…": lambda t: "全面推进" + t, "大力推进…": lambda t: "大力推进" + t,
                "加快推进…": lambda t: "加快推进" + t, "切实加强…": lambda t: "切实加强" + t,
                "大力发展…": lambda t: "大力发展" + t, "全面推行…": lambda t: "全面推行" + t,
                "着力打造…": lambda t: "着力打造" + t, "持续优化…": lambda t: "持续优化" + t,
                "大力支持…": lambda t: "大力支持" + t, "不断完善…": lambda t: "不断完善" + t}
# A word asked for what came of it: 林长制进展, 林长制取得的成效, 林长制典型经验.
RESULTS = {"…进展": lambda t: t + "进展", "…取得的成效": lambda t: t + "取得的成效",
           "…典型经验": lambda t: t + "典型经验", "…的好做法": lambda t: t + "的好做法"}
# ... and how it is going, what came of it and the ways of it, as the
# reports' readers ask (seventeenth round): 双减的现状, 双减推进情况.
PROGRESS = {"…的现状": lambda t: t + "的现状", "…推进情况": lambda t: t + "推进情况",
            "…工作开展情况": lambda t: t + "工作开展情况", "…落实情况": lambda t: t + "落实情况",
            "…的最新进展": lambda t: t + "的最新进展", "…的成效": lambda t: t + "的成效",
            "…方面的工作": lambda t: t + "方面的工作", "…的典型做法": lambda t: t + "的典型做法",
            "…的成功经验": lambda t: t + "的成功经验"}
# ... and asked for an aspect of it (seventeenth round): 解读双减, 双减的背景.
ASPECT = {"解读…": lambda t: "解读" + t, "…政策解读": lambda t: t + "政策解读",
          "…的背景": lambda t: t + "的背景", "…的意义和作用": lambda t: t + "的意义和作用",
          "…的主要内容": lambda t: t + "的主要内容", "…包括哪些": lambda t: t + "包括哪些",
          "…的特点": lambda t: t + "的特点", "…的要求": lambda t: t + "的要求"}
# ... and what is said of it, why it matters, what was done (eighteenth round):
# 双减的相关报道, 双减的重要意义, 双减的实践, 双减工作总结.
SAID_OF = {"…的相关报道": lambda t: t + "的相关报道", "…的重要意义": lambda t: t + "的重要意义",
           "…的实践": lambda t: t + "的实践", "…的探索": lambda t: t + "的探索",
           "…的发展": lambda t: t + "的发展",
           "…这一块": lambda t: t + "这一块", "…工作总结": lambda t: t + "工作总结",
           "…的做法与成效": lambda t: t + "的做法与成效",
           # ... and how it is put in force
           "全面推行…": lambda t: "全面推行" + t, "实行…": lambda t: "实行" + t,
           "…的推行": lambda t: t + "的推行", "…实施以来": lambda t: t + "实施以来"}
# ... and asked for its aims, tasks, course, outlook, state or features
# (nineteenth round): 双减的目标任务, 双减的实施效果, 双减的发展趋势, 双减的特色.
AIMS = {"…的目标任务": lambda t: t + "的目标任务", "…的重点任务": lambda t: t + "的重点任务",
        "…的总体要求": lambda t: t + "的总体要求", "…的工作目标": lambda t: t + "的工作目标",
        "…的实施效果": lambda t: t + "的实施效果", "…的主要成效": lambda t: t + "的主要成效",
        "…的经验启示": lambda t: t + "的经验启示", "…的发展历程": lambda t: t + "的发展历程",
        "…的历史沿革": lambda t: t + "的历史沿革", "…的基本情况": lambda t: t + "的基本情况",
        "…的工作思路": lambda t: t + "的工作思路", "…的具体措施": lambda t: t + "的具体措施",
        "…的发展方向": lambda t: t + "的发展方向", "…的发展趋势": lambda t: t + "的发展趋势",
        "…的特色": lambda t: t + "的特色", "…的优势": lambda t: t + "的优势",
        "…的前景": lambda t: t + "的前景", "…的目标": lambda t: t + "的目标"}
# ... and what of it is looked up (nineteenth round): 双减相关政策, 双减的有关规定,
# 双减的情况介绍, 介绍一下双减, 双减的来龙去脉, 双减最新动态, 双减的相关资料.
LOOKED_UP = {"…相关政策": lambda t: t + "相关政策", "…的有关规定": lambda t: t + "的有关规定",
             "…的情况介绍": lambda t: t + "的情况介绍", "介绍一下…": lambda t: "介绍一下" + t,
             "…的来龙去脉": lambda t: t + "的来龙去脉", "…最新动态": lambda t: t + "最新动态",
             "…的相关资料": lambda t: t + "的相关资料", "…的数据": lambda t: t + "的数据",
             "…这件事": lambda t: t + "这件事", "…的意义何在": lambda t: t + "的意义何在",
             # ... and what of the texts
             "请问…": lambda t: "请问" + t, "有没有…的内容": lambda t: "有没有" + t + "的内容",
             "…在哪些报告中提到": lambda t: t + "在哪些报告中提到",
             "提到…的讲话": lambda t: "提到" + t + "的讲话", "…的原文": lambda t: t + "的原文",
             "…的表述有哪些": lambda t: t + "的表述有哪些",
             # ... its papers and why it is so (twentieth round)
             "…的配套政策": lambda t: t + "的配套政策", "…的原因": lambda t: t + "的原因",
             # ... how big it is, how it grew, and in the places one by one
             "…的规模": lambda t: t + "的规模", "…增长了多少": lambda t: t + "增长了多少",
             "…有多大": lambda t: t + "有多大", "各省…": lambda t: "各省" + t,
             # ... how well it is done, the papers that tell of it
             "…搞得好不好": lambda t: t + "搞得好不好", "…有哪些亮点": lambda t: t + "有哪些亮点",
             "…的领导讲话": lambda t: t + "的领导讲话", "…典型材料": lambda t: t + "典型材料",
             "…工作汇报": lambda t: t + "工作汇报"}
# A word asked what it means: 林长制的含义, 什么叫林长制, 林长制指的是什么, 林长制是什么意思.
MEANING = {"…的含义": lambda t: t + "的含义", "什么叫…": lambda t: "什么叫" + t,
           "…指的是什么": lambda t: t + "指的是什么", "…是什么意思": lambda t: t + "是什么意思"}
# ... with a title before it, or as the speaker of a speech's title
# (seventeenth round): 省委书记王凯, 王凯在会上的讲话.
TITLED = {"省委书记…": lambda t: "省委书记" + t, "市长…": lambda t: "市长" + t,
          "…在会上的讲话": lambda t: t + "在会上的讲话",
          "…同志在大会上的讲话": lambda t: t + "同志在大会上的讲话"}
# A person asked for what is told of them: 钟南山事迹, 学习钟南山, 向钟南山学习.
TOLD = {"…事迹": lambda t: t + "事迹", "学习…": lambda t: "学习" + t, "向…学习": lambda t: "向" + t + "学习",
        # eighteenth round
        "…的讲话精神": lambda t: t + "的讲话精神", "…的重要讲话": lambda t: t + "的重要讲话",
        "…的观点": lambda t: t + "的观点"}
# ... and asked for the ways in other words (seventeenth round).
WAYS = {"…有何对策": lambda r: r + "有何对策", "…从哪些方面入手": lambda r: r + "从哪些方面入手",
        "…的对策研究": lambda r: r + "的对策研究", "…的方式方法": lambda r: r + "的方式方法",
        "…的着力点": lambda r: r + "的着力点", "…如何破题": lambda r: r + "如何破题",
        "…要注意什么": lambda r: r + "要注意什么", "…该从何处着手": lambda r: r + "该从何处着手",
        "…，有哪些经验可以借鉴": lambda r: r + "，有哪些经验可以借鉴"}
# ... for the kind of way, where its key lies, what is learnt of it
# (nineteenth round): …的主要举措, …的实现路径, …的关键在哪, …的经验启示;
# for a question and for one word.
WAY_KINDS = {"…的主要举措": lambda r: r + "的主要举措", "…的具体措施": lambda r: r + "的具体措施",
             "…的实现路径": lambda r: r + "的实现路径", "…的工作思路": lambda r: r + "的工作思路",
             "…的关键在哪": lambda r: r + "的关键在哪",
             "…的经验启示": lambda r: r + "的经验启示", "…的典型案例": lambda r: r + "的典型案例",
             "…有哪些成功经验": lambda r: r + "有哪些成功经验"}
# ... in the words of a talk or of the doing (eighteenth round): 谈谈…, …怎么抓.
TALK = {"谈谈…": lambda r: "谈谈" + r, "浅谈…": lambda r: "浅谈" + r, "…怎么抓": lambda r: r + "怎么抓",
        "…的关键是什么": lambda r: r + "的关键是什么", "…的几点思考": lambda r: r + "的几点思考"}
AT_LENGTH = {"我想了解如何…": lambda r: "我想了解如何" + r, "各地是如何…的": lambda r: "各地是如何" + r + "的",
             "…的具体措施有哪些": lambda r: r + "的具体措施有哪些", "…的对策建议": lambda r: r + "的对策建议"}
YEAR = re.compile(r"(19|20)\d\d年")


def word_and_figure(text):
    """(word, figure) of a keyword pair with a figure that is no year, or None."""
    a, b = text.split(" ")
    if other_figures(a) and not YEAR.fullmatch(a) and not other_figures(b):
        return b, a
    if other_figures(b) and not YEAR.fullmatch(b) and not other_figures(a):
        return a, b
    return None


def year_and_word(text):
    """(year, word) of a keyword pair of a year and a word, or None."""
    a, b = text.split(" ")
    return (a, b) if YEAR.fullmatch(a) else (b, a) if YEAR.fullmatch(b) else None


# An event asked with its year: 1998年发生的特大洪水, 特大洪水（1998年）, and since
# the seventeenth round 1998年那场特大洪水.
AS_EVENT = {"…年发生的…": lambda t: "%s发生的%s" % year_and_word(t),
            "…（…年）": lambda t: "%s（%s）" % year_and_word(t)[::-1],
            "…年那场…": lambda t: "%s那场%s" % year_and_word(t)}  # seventeenth round

# ... and asked how it was met, what it did, what was learnt (twenty-second round):
# 1998年特大洪水是怎么应对的, …造成的损失, …的经验教训, 回顾1998年特大洪水.
EVENT_ASKED = {"…是怎么应对的": lambda t: "%s%s是怎么应对的" % year_and_word(t),
               "…造成的损失": lambda t: "%s%s造成的损失" % year_and_word(t),
               "…的经验教训": lambda t: "%s%s的经验教训" % year_and_word(t),
               "回顾…": lambda t: "回顾%s%s" % year_and_word(t)}

# ... and with a time of the year or since it (seventeenth round): 2008年初雨雪冰冻,
# 1998年以来的机构改革.
YEAR_TIME = {"…年以来的…": lambda t: "%s以来的%s" % year_and_word(t),
             "…年至今的…": lambda t: "%s至今的%s" % year_and_word(t),
             "…年底的…": lambda t: "%s底的%s" % year_and_word(t),
             "…年初…": lambda t: "%s初%s" % year_and_word(t),
             # eighteenth round: the year itself, and around it
             "…年度…": lambda t: "%s度%s" % year_and_word(t),
             "…年间的…": lambda t: "%s间的%s" % year_and_word(t),
             "…年前后的…": lambda t: "%s前后的%s" % year_and_word(t)}

# ... with a part of the year, or the year as a time (nineteenth round):
# 2008年上半年雨雪冰冻, 2008年一季度…, 2008年当年的…, 2008年份…, …事件.
def year_forms(pairs):
    """{name: form} from (name, format of year and word) pairs."""
    return {name: (lambda fmt: lambda t: fmt % year_and_word(t))(fmt) for name, fmt in pairs}


YEAR_PART = year_forms([("…年上半年…", "%s上半年%s"), ("…年一季度…", "%s一季度%s"),
                        ("…年全年…", "%s全年%s"), ("…年当年的…", "%s当年的%s"),
                        ("…年时的…", "%s时的%s"), ("…年份…", "%s份%s"), ("…年…事件", "%s%s事件"),
                        ("…年后的…", "%s后的%s"), ("…年内的…", "%s内的%s"), ("在…年…", "在%s%s"),
                        ("…年底前的…", "%s底前的%s")])
YEAR_PART["……年"] = lambda t: "%s%s" % year_and_word(t)[::-1]
YEAR_PART["……(no 年)"] = lambda t: "%s%s" % (year_and_word(t)[0][:-1], year_and_word(t)[1])

# A figure asked as a fact, with a verb: 吞吐量达到一亿吨, 实现城镇新增就业一千一百万人.
WITH_VERB = {name: (lambda fmt: lambda t: fmt % word_and_figure(t))(fmt) for name, fmt in [
    ("…达到…", "%s达到%s"), ("…突破…", "%s突破%s"), ("实现……", "实现%s%s"), ("… 超过…", "%s 超过%s"),
    # eighteenth round
    ("…共…", "%s共%s"), ("…增加到…", "%s增加到%s"), ("…突破…大关", "%s突破%s大关"),
    # nineteenth round
    ("…首次突破…", "%s首次突破%s"), ("…高达…", "%s高达%s"), ("…不低于…", "%s不低于%s"),
    ("…跃升至…", "%s跃升至%s"),
    # twenty-first round
    ("…增加…", "%s增加%s"), ("…新增…", "%s新增%s"), ("…是…", "%s是%s"), ("…有…", "%s有%s")]}
# ... and with how near the figure is (seventeenth round): 吞吐量 一亿吨以上.
NEAR = {"… …以上": lambda t: "%s %s以上" % word_and_figure(t),
        "… …左右": lambda t: "%s %s左右" % word_and_figure(t),
        "… 约…": lambda t: "%s 约%s" % word_and_figure(t),
        "… 近…": lambda t: "%s 近%s" % word_and_figure(t)}


def run(binary, index, text):
    p = subprocess.run([binary, "-d", index, "-n", "10", "--json", text],
                       capture_output=True, text=True)
    return json.loads(p.stdout)["hits"] if p.stdout else []


def ask(binary, index, qs, forms, what):
    """Means of queries qs as typed and in forms {name: text -> text};
    prints the line of what they are."""
    sums = {"as typed": 0.0, **{k: 0.0 for k in forms}}
    for q in qs:
        sums["as typed"] += score(q["rel"], run(binary, index, q["query"]))[0]
        for k, f in forms.items():
            sums[k] += score(q["rel"], run(binary, index, f(q["query"])))[0]
    means = {k: v / len(qs) for k, v in sums.items()}
    other = [means[k] for k in forms]
    low = min(forms, key=lambda k: means[k])
    print(f"asked other ways ({len(qs)} {what} x {len(forms)}): as typed "
          f"{means['as typed']:.3f}, other ways mean {sum(other) / len(other):.3f}, lowest "
          f"{means[low]:.3f} ({low})")
    return {"queries": len(qs), "means": means}


def full_width(text):
    """ASCII letters, digits and signs as an input method types them full-width (５Ｇ基站)."""
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


# Figures written the other way: Chinese numerals before a measure word as
# digits in the reports' style (一百万 -> 100万, 五千二百 -> 5200), digits as
# Chinese numerals (3000万 -> 三千万), percentages both ways.
DIGIT = {**{c: i for i, c in enumerate("零一二三四五六七八九")}, "〇": 0, "两": 2}
MEASURE = "元吨亩个名人套头辆锭张列斤次家所户座台架条只项余多公美"
NUMERALS = "零〇一二两三四五六七八九十百千万亿"
RUN_CN = re.compile(r"百分之([零〇一二两三四五六七八九十]+)|(?<![%s])([%s]+)(?=[%s]|千瓦)"
                    % (NUMERALS, NUMERALS, MEASURE))
RUN_DIGITS = re.compile(r"(?<![0-9A-Za-z.+])(\d+)(万|亿)?(?=[\u4e00-\u9fff])(?!年)")
PERCENT = re.compile(r"(?<![0-9.])(\d+)%")


def cn_to_int(s):
    """The value of Chinese numerals s (一千一百万: 11000000), or None."""
    total = section = num = 0
    for c in s:
        if c in DIGIT:
            num = DIGIT[c]
        elif c in "十百千":
            section += (num or (1 if c == "十" else 0)) * {"十": 10, "百": 100, "千": 1000}[c]
            num = 0
        elif c in "万亿":
            total = (total + section + num) * (10000 if c == "万" else 100000000)
            section = num = 0
        else:
            return None
    return total + section + num


def int_to_cn(n):
    """n in Chinese numerals (11000000: 一千一百万)."""
    def below(k):  # 0 < k < 10000
        out, zero = "", False
        for v, u in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
            d = k // v % 10
            if d:
                out += ("零" if zero and out else "") + "零一二三四五六七八九"[d] + u
                zero = False
            elif out:
                zero = True
        return out
    s = below(n // 100000000) + "亿" if n >= 100000000 else ""
    s += below(n // 10000 % 10000) + "万" if n // 10000 % 10000 else ""
    return s + (below(n % 10000) if n % 10000 else "")


def digits_style(n):
    """n in digits as the reports write it (1000000: 100万; 5200)."""
    for v, u in ((10 ** 12, "万亿"), (100000000, "亿"), (10000, "万")):
        if n >= v and n % v == 0:
            return f"{n // v}{u}"
    return str(n)


def other_figures(text):
    """text with each figure written the other way (digits <-> Chinese numerals), or None."""
    def from_cn(m):
        if m.group(1):
            v = cn_to_int(m.group(1))
            return f"{v}%" if v is not None else m.group(0)
        v = cn_to_int(m.group(2))
        return digits_style(v) if v else m.group(0)

    def from_digits(m):
        n = int(m.group(1)) * {"万": 10000, "亿": 100000000}.get(m.group(2) or "", 1)
        return int_to_cn(n) if 0 < n < 10 ** 16 else m.group(0)
    out = RUN_CN.sub(from_cn, text)
    if out == text:
        out = RUN_DIGITS.sub(from_digits, text)
        out = PERCENT.sub(lambda m: "百分之" + int_to_cn(int(m.group(1))), out)
    return out if out != text else None


LOOSE = re.compile(r"(?<![%s])([一二两三四五六七八九])([千百])(万|亿)(?=[%s]|千瓦)" % (NUMERALS, MEASURE))


def loose_figures(text):
    """text with each figure of one numeral, 千 or 百 and 万 or 亿 typed with a
    digit (一千亿美元 -> 1千亿美元, 五千万吨 -> 5千万吨), or None."""
    out = LOOSE.sub(lambda m: f"{DIGIT[m.group(1)]}{m.group(2)}{m.group(3)}", text)
    return out if out != text else None


def traditional(texts):
    """texts in traditional script (OpenCC's s2t), or None without opencc."""
    try:
        p = subprocess.run(["opencc", "-c", "s2t"], input="\n".join(texts), capture_output=True,
                           text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    out = p.stdout.split("\n")
    return out[:len(texts)] if len(out) >= len(texts) else None


def after_lead(forms):
    """forms {name: rest -> text} as forms of the whole question (如何 + rest)."""
    return {k: (lambda t, f=f: f(LEAD.sub("", t))) for k, f in forms.items()}


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    binary, index, qrels, out = sys.argv[1:]
    queries = json.load(open(qrels, encoding="utf-8"))["queries"]
    questions = [q for q in queries if q.get("kind") == "question" and LEAD.match(q["query"])]
    pairs = [q for q in queries if q.get("kind") != "question" and TWO.match(q["query"])]
    words = [q for q in queries if q.get("kind") != "question" and ONE.match(q["query"])]
    names = [q for q in words if q.get("kind") == "name"]
    # pairs TWO leaves out: a single character or letters on a side (猪 价格, A股 上市)
    others = [q for q in queries if q.get("kind") != "question" and ":" not in q["query"] and
              re.fullmatch(r"\S+ \S+", q["query"]) and not TWO.match(q["query"]) and
              not any(YEAR.fullmatch(w) or other_figures(w) for w in q["query"].split(" "))]
    glued = [q for q in queries if q.get("kind") != "question" and ":" not in q["query"] and
             re.fullmatch(r"\S+ \S+", q["query"]) and
             any(YEAR.fullmatch(w) or other_figures(w) for w in q["query"].split(" "))]
    ascii_ = [q for q in queries if re.search(r"[0-9A-Za-z]", q["query"]) and ":" not in q["query"]]
    figs = [q for q in queries if other_figures(q["query"])]
    joins = {k: (lambda t, j=j: t.replace(" ", j)) for k, j in JOINS.items()}
    # (key in OUT_JSON, queries, ways, what the printed line calls them), in print order
    kinds = [
        ("questions", questions, after_lead(FORMS), "questions"),
        ("keyword pairs", pairs, joins, "keyword pairs"),
        ("other keyword pairs", others,
         {"和": lambda t: t.replace(" ", "和"), "与": lambda t: t.replace(" ", "与"),
          "关于A和B": lambda t: "关于" + t.replace(" ", "和"), "together": lambda t: t.replace(" ", "")},
         "keyword pairs with a single character or letters"),
        ("pairs joined otherwise", pairs,  # eighteenth round
         {"A+B": lambda t: t.replace(" ", "+"), "A或B": lambda t: t.replace(" ", "或"),
          "A与B相结合": lambda t: t.replace(" ", "与") + "相结合",
          # nineteenth round
          "A/B": lambda t: t.replace(" ", "/"), "A-B": lambda t: t.replace(" ", "-"),
          # twentieth round
          "A及其B": lambda t: t.replace(" ", "及其")},
         "keyword pairs joined by a plus, by 或, or said to be combined"),
        ("pairs said of together", pairs,  # eighteenth round
         {"A与B之间": lambda t: t.replace(" ", "与") + "之间",
          "A与B的结合": lambda t: t.replace(" ", "与") + "的结合",
          "A和B两方面": lambda t: t.replace(" ", "和") + "两方面",
          "A里面的B": lambda t: t.replace(" ", "里面的"), "A当中的B": lambda t: t.replace(" ", "当中的"),
          "A带来的B": lambda t: t.replace(" ", "带来的")},
         "keyword pairs said of together, one in the other, one bringing the other"),
        ("pairs asked of their relation", pairs + others,
         {"A和B的关系": lambda t: t.replace(" ", "和") + "的关系",
          "A对B的影响": lambda t: t.replace(" ", "对") + "的影响"},
         "keyword pairs asked of their relation"),
        ("pairs as one moving the other", pairs,
         {"A推动B": lambda t: t.replace(" ", "推动"), "A带动B": lambda t: t.replace(" ", "带动"),
          "以A促进B": lambda t: "以" + t.replace(" ", "促进"), "A助力B": lambda t: t.replace(" ", "助力")},
         "keyword pairs as one moving the other"),
        ("pairs as where", pairs,
         {"A领域的B": lambda t: t.replace(" ", "领域的"), "A下的B": lambda t: t.replace(" ", "下的"),
          "A里的B": lambda t: t.replace(" ", "里的"), "A过程中的B": lambda t: t.replace(" ", "过程中的")},
         "keyword pairs with where the second stands"),
        ("pairs in a scene, on a basis", pairs,  # nineteenth round
         {"A背景下的B": lambda t: t.replace(" ", "背景下的"),
          "A视角下的B": lambda t: t.replace(" ", "视角下的"),
          "A条件下的B": lambda t: t.replace(" ", "条件下的"),
          "基于A的B": lambda t: "基于" + t.replace(" ", "的"),
          "A赋能B": lambda t: t.replace(" ", "赋能")},
         "keyword pairs with the scene or basis of the second, or one empowering the other"),
        ("pairs with a general verb", pairs,  # twentieth round
         {"推进A B": lambda t: "推进" + t, "全面推进A B": lambda t: "全面推进" + t,
          "A 加快B": lambda t: t.replace(" ", " 加快")},
         "keyword pairs with a general verb (and its manner) before a word"),
        ("pairs asked for their ways or state", pairs,  # twentieth round
         {"A和B的具体措施": lambda t: t.replace(" ", "和") + "的具体措施",
          "A和B的主要举措": lambda t: t.replace(" ", "和") + "的主要举措",
          "A与B存在的问题": lambda t: t.replace(" ", "与") + "存在的问题",
          "A及B有哪些措施": lambda t: t.replace(" ", "及") + "有哪些措施",
          "A、B的具体措施": lambda t: t.replace(" ", "、") + "的具体措施"},
         "keyword pairs joined by 和 or 、, asked for their ways or their state"),
        ("pairs then the asking", pairs,  # twenty-first round
         {"A B怎么样": lambda t: t + "怎么样", "A B 怎么样": lambda t: t + " 怎么样",
          "A B有哪些措施": lambda t: t + "有哪些措施", "A B吗": lambda t: t + "吗"},
         "keyword pairs typed apart, then the asking"),
        ("pairs as a thing's second thing", pairs,  # twenty-first round
         {"A的B问题": lambda t: t.replace(" ", "的") + "问题",
          "A的B工作": lambda t: t.replace(" ", "的") + "工作"},
         "keyword pairs as the second's problem or work in the first"),
        ("keywords with a particle", words, ENDS, "one-word queries"),
        ("keywords with a request", words, REQUESTS, "one-word queries with a request"),
        ("keyword pairs with a request", pairs, PAIR_REQUESTS, "keyword pairs with a request"),
        ("questions as what is done", questions, after_lead(DOING), "questions as what is done"),
        ("keywords asked of their state", words, STATE, "one-word queries asked of their state"),
        ("keywords asked of their state, more", words, STATE_MORE,
         "one-word queries asked of their state with an adverb or an adjective"),
        ("keywords with a general verb", [q for q in words if q.get("kind") != "name" and
                                          not re.search(r"[0-9A-Za-z]", q["query"])],
         DOING_WORD, "one-word queries with a general verb before them"),
        ("keywords with a general verb and its manner",  # twentieth round
         [q for q in words if q.get("kind") != "name" and not re.search(r"[0-9A-Za-z]", q["query"])],
         DOING_MANNER, "one-word queries with a general verb and its manner before them"),
        ("keywords asked how they go", words, PROGRESS,
         "one-word queries asked how they go, what came of them and the ways of them"),
        ("keywords asked what they mean", words, MEANING, "one-word queries asked what they mean"),
        ("keywords asked for an aspect", words, ASPECT, "one-word queries asked for an aspect of them"),
        ("keywords asked for their results", words, RESULTS, "one-word queries asked for their results"),
        ("keywords asked what is said of them", words, SAID_OF,  # eighteenth round
         "one-word queries asked what is said of them, why they matter, what was done"),
        ("keywords asked for their aims", words, AIMS,  # nineteenth round
         "one-word queries asked for their aims, tasks, course, outlook, state or features"),
        ("keywords with their growth or building", words,  # twenty-first round
         {"…发展": lambda t: t + "发展", "…建设": lambda t: t + "建设", "…的建设": lambda t: t + "的建设",
          "…推进": lambda t: t + "推进", "…落实": lambda t: t + "落实", "…取得成效": lambda t: t + "取得成效"},
         "one-word queries with their growth, building or doing after them"),
        ("keywords with a paper's name", words,  # twenty-first round
         {"…对策": lambda t: t + "对策", "…研究": lambda t: t + "研究", "…措施": lambda t: t + "措施",
          "…调研报告": lambda t: t + "调研报告", "…情况汇报": lambda t: t + "情况汇报"},
         "one-word queries with a paper's name of the ways or a study of them glued"),
        ("keywords asked which of their state", words,  # twenty-second round
         {"…存在哪些困难": lambda t: t + "存在哪些困难", "…面临哪些挑战": lambda t: t + "面临哪些挑战",
          "…的困难": lambda t: t + "的困难", "…的突出问题": lambda t: t + "的突出问题",
          "…的短板弱项": lambda t: t + "的短板弱项", "…存在哪些短板": lambda t: t + "存在哪些短板"},
         "one-word queries asked which faults they have, or with 的 and the fault"),
        ("keywords asked how well or what they mean", words,  # twenty-second round
         {"哪些地方…做得好": lambda t: "哪些地方" + t + "做得好",
          "…做得好的地方": lambda t: t + "做得好的地方", "如何理解…": lambda t: "如何理解" + t,
          "…典型案例": lambda t: t + "典型案例", "…实施方案": lambda t: t + "实施方案",
          "…的工作部署": lambda t: t + "的工作部署"},
         "one-word queries asked how well they are done, what they mean, or with a case or a plan"),
        ("keywords asked for material on them", words,  # twenty-third round
         {"…金句": lambda t: t + "金句", "…素材": lambda t: t + "素材",
          "…的讲话摘录": lambda t: t + "的讲话摘录", "谈…": lambda t: "谈" + t,
          "…简介": lambda t: t + "简介"},
         "one-word queries asked for material on them, or a piece written on them"),
        ("keywords asked how they were put over the years", words,  # twenty-third round
         {"历年…": lambda t: "历年" + t, "…各年份": lambda t: t + "各年份",
          "…的写法": lambda t: t + "的写法", "…的演变": lambda t: t + "的演变",
          "…发展历程": lambda t: t + "发展历程"},
         "one-word queries asked how they were put, over the years"),
        ("keywords with material typed apart", words,  # twenty-fourth round
         {"… 素材": lambda t: t + " 素材", "… 原话": lambda t: t + " 原话", "… 资料": lambda t: t + " 资料",
          "…讲话全文": lambda t: t + "讲话全文", "…政策汇总": lambda t: t + "政策汇总"},
         "one-word queries with the material asked for typed apart, or a collection of it"),
        ("keywords with the ways or plans asked for glued", words,  # twenty-fifth round
         {"…主要举措": lambda t: t + "主要举措", "…具体措施": lambda t: t + "具体措施",
          "…的新举措": lambda t: t + "的新举措", "…重点任务": lambda t: t + "重点任务",
          "…下一步打算": lambda t: t + "下一步打算"},
         "one-word queries with the ways or the plans of it asked for, glued after it"),
        ("keywords with its aims, problems or news asked for glued", words,  # twenty-sixth round
         {"…新进展": lambda t: t + "新进展", "…总体要求": lambda t: t + "总体要求",
          "…的突出问题": lambda t: t + "的突出问题", "…存在的问题": lambda t: t + "存在的问题",
          "…成绩单": lambda t: t + "成绩单"},
         "one-word queries with its aims, problems, news or results asked for, glued after it"),
        ("keywords since an event or first put", words,  # twenty-fourth round
         {"改革开放以来…": lambda t: "改革开放以来" + t, "党的十八大以来…": lambda t: "党的十八大以来" + t,
          "多年来…": lambda t: "多年来" + t, "改革开放以来 …": lambda t: "改革开放以来 " + t,
          "首次提出…": lambda t: "首次提出" + t},
         "one-word queries after the time since an event, or asked when first put"),
        ("pairs joined by 的, then the asking", pairs,  # twenty-second round
         {"A的B怎么样": lambda t: t.replace(" ", "的") + "怎么样",
          "A的B情况如何": lambda t: t.replace(" ", "的") + "情况如何"},
         "keyword pairs joined by 的, then asked how they go"),
        ("names asked what they think", names,  # twenty-second round
         {"…怎么看": lambda t: t + "怎么看", "…如何评价": lambda t: t + "如何评价"},
         "names asked what they think"),
        ("pairs by what means or joined how", pairs,  # twenty-second round
         {"用A带动B": lambda t: "用" + t.replace(" ", "带动"),
          "通过A推动B": lambda t: "通过" + t.replace(" ", "推动"),
          "A和B如何结合": lambda t: t.replace(" ", "和") + "如何结合",
          "A与B怎样融合": lambda t: t.replace(" ", "与") + "怎样融合"},
         "keyword pairs, the first the means of moving the second, or asked how the two go together"),
        ("keywords as a way after 之", words,  # twenty-first round
         {"…之路": lambda t: t + "之路", "…之道": lambda t: t + "之道", "…之策": lambda t: t + "之策"},
         "one-word queries asked for the way of them after 之"),
        ("keywords looked up", words, LOOKED_UP,  # nineteenth round
         "one-word queries with what of them is looked up (policies, rules, news, papers, the texts)"),
        ("names with what is said of them", names, SAID, "names with a title or a verb of saying"),
        ("names with what is told of them", names, TOLD, "names asked for what is told of them"),
        ("names asked what they said", names,  # nineteenth round
         {"…说过什么": lambda t: t + "说过什么", "…说了什么": lambda t: t + "说了什么",
          "…曾经说": lambda t: t + "曾经说"},
         "names asked what they said"),
        ("names with a title before them", names, TITLED,
         "names with a title before them or as a speech's speaker"),
        ("questions at more length", questions, after_lead(AT_LENGTH), "questions at more length"),
        ("questions asked for the ways", questions, after_lead(WAYS),
         "questions asked for the ways in other words"),
        ("questions asked for the kind of way", questions, after_lead(WAY_KINDS),  # nineteenth round
         "questions asked for the kind of way or where its key lies"),
        ("keywords asked for the kind of way", words, WAY_KINDS,  # nineteenth round
         "one-word queries asked for the kind of way or where its key lies"),
        ("questions asked why or where it is hard", questions,  # twenty-first round
         after_lead({"咋…": lambda r: "咋" + r, "…的必要性": lambda r: r + "的必要性",
                     "…难在哪里": lambda r: r + "难在哪里"}),
         "questions asked with 咋, why it is needed or where it is hard"),
        ("questions asked where to begin or by what", questions,  # twenty-second round
         after_lead({"…从何入手": lambda r: r + "从何入手", "…靠什么": lambda r: r + "靠什么",
                     "…如何破局": lambda r: r + "如何破局", "…有何良策": lambda r: r + "有何良策"}),
         "questions asked where to begin, by what, how to break through"),
        ("questions in the words of a talk", questions, after_lead(TALK),  # eighteenth round
         "questions asked in the words of a talk or of the doing"),
        ("figure and word together", glued, {"together": lambda t: t.replace(" ", "")},
         "keyword pairs with a figure, typed together"),
        ("figure with a verb", [q for q in glued if word_and_figure(q["query"])], WITH_VERB,
         "keyword pairs with a figure, asked with a verb"),
        ("figure with how near", [q for q in glued if word_and_figure(q["query"])], NEAR,
         "keyword pairs with a figure and how near it is"),
        ("year with an event", [q for q in glued if year_and_word(q["query"])], AS_EVENT,
         "keyword pairs of a year and a word, asked as an event"),
        ("year with what the event did", [q for q in glued if year_and_word(q["query"])],
         EVENT_ASKED, "keyword pairs of a year and a word, asked how it was met, what it did "
         "or what was learnt"),  # twenty-second round
        ("year with a time of it", [q for q in glued if year_and_word(q["query"])], YEAR_TIME,
         "keyword pairs of a year and a word, with a time of the year or since it"),
        ("year with a part of it", [q for q in glued if year_and_word(q["query"])], YEAR_PART,
         "keyword pairs of a year and a word, with a part of the year"),  # nineteenth round
        ("year with the time after an event", [q for q in glued if year_and_word(q["query"])],  # 21st
         {"Y年W后": lambda t: "%s%s后" % year_and_word(t), "Y年W时": lambda t: "%s%s时" % year_and_word(t),
          "Y年W以后": lambda t: "%s%s以后" % year_and_word(t),
          "Y年W的应对": lambda t: "%s%s的应对" % year_and_word(t)},
         "keyword pairs of a year and a word, with the time after or at the event, or how it was met"),
        ("word in a place", [q for q in pairs if q.get("kind") == "place"],
         {"B在A": lambda t: "%s在%s" % tuple(t.split(" ")[::-1])},
         "keyword pairs of a place and a word, as the word in the place"),
        ("word in a place's area", [q for q in pairs if q.get("kind") == "place"],  # eighteenth round
         {"A地区B": lambda t: "%s地区%s" % tuple(t.split(" ")),
          "A当地的B": lambda t: "%s当地的%s" % tuple(t.split(" "))},
         "keyword pairs of a place and a word, with the place's area"),
        ("word in a place's area, more", [q for q in pairs if q.get("kind") == "place"],
         {"A辖区B": lambda t: "%s辖区%s" % tuple(t.split(" ")),  # nineteenth round
          "A本地B": lambda t: "%s本地%s" % tuple(t.split(" ")),
          "A周边的B": lambda t: "%s周边的%s" % tuple(t.split(" ")),
          "A范围内的B": lambda t: "%s范围内的%s" % tuple(t.split(" "))},
         "keyword pairs of a place and a word, with more words of the place's area"),
        ("full-width letters and digits", ascii_, {"full-width": full_width},
         "queries with letters or digits"),
        # twenty-second round: read as two keywords, the split the user typed
        ("letters typed apart", [q for q in ascii_ if re.search(r"[A-Za-z0-9][\u4e00-\u9fff]", q["query"])],
         {"blank after letters": lambda t: re.sub(r"([A-Za-z0-9.]+)([\u4e00-\u9fff])", r"\1 \2", t)},
         "queries with letters glued to Chinese, typed with a blank between"),
        ("figures written otherwise", figs, {"figures otherwise": other_figures},
         "queries with figures"),
        ("figures typed with a digit and 千 or 百", [q for q in queries if loose_figures(q["query"])],
         {"1千万": loose_figures}, "queries with figures typed with a digit and 千 or 百"),
    ]
    res = {key: ask(binary, index, qs, forms, what) for key, qs, forms, what in kinds if qs}
    han = [q for q in queries if q.get("kind") != "trad" and re.search(r"[\u4e00-\u9fff]", q["query"])]
    trad = traditional([q["query"] for q in han]) if han else None
    if trad:
        written = dict(zip((q["query"] for q in han), trad))
        res["traditional script"] = ask(binary, index, han, {"traditional": lambda t: written[t]},
                                        "queries in traditional script")
    elif han:
        print("asked other ways: traditional script SKIPPED (no opencc command)")
    if not res:
        print("asked other ways: no query of these kinds in the set")
    with open(out, "w", encoding="utf-8") as f:
        json.dump(res, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
