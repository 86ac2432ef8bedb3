#!/usr/bin/env python3
"""Generates the Dadukou (大渡口区, 500104) sample data set: the school register and the 2024 statistics.

    python3 generate_dadukou.py            # writes both files and prints the summary
    python3 generate_dadukou.py > expected-summary.txt

Writes, relative to this file:
    ../../../main/resources/sample/dadukou-500104-schools.json   the school register (32 schools)
    ../../../main/resources/sample/dadukou-500104-2024.csv       the statistics import (UTF-8 with BOM)

Deterministic: a fixed random seed gives the jitter; every intended finding is an explicit override below, and the
script asserts that exactly the intended resource-allocation items are unmet. The summary it prints is the expected
output of the evaluation service for this data set, computed with the formulas of STANDARD.md:

    RA1  full-time teachers above the statutory qualification x100 / pupils (P: 专科 and above, J: 本科 and above)
    RA2  county-level-or-above key teachers x100 / pupils
    RA3  (PE + music + fine-art + integrated-arts teachers) x100 / pupils
    RA4  (teaching & auxiliary area - indoor sports area) / pupils
    RA5  (gymnasium + sports ground [+ leased/converted, DENSE_CITY_CORE schools only]) / pupils
    RA6  equipment book value / pupils
    RA7  networked multimedia classrooms x100 / pupils

Whole-school facilities are apportioned by weighted pupils before the per-section values are computed:
九年一贯制 P:J = 1:1.1, 完全中学 J:senior = 1:1.2. The county coefficient of variation is pupil-weighted, population
form: X = sum(P_i X_i)/P, S = sqrt(sum((P_i/P)(X_i - X)^2)), CV = S/X; limits 0.50 (P) and 0.45 (J).
"""

import csv
import io
import json
import math
import os
import random
import sys

SEED = 5001042024
DISTRICT = "500104"
YEAR = 2024
COHORT_ENTRY_YEAR = YEAR - 3  # the cohort graduating in summer 2024 entered grade 7 in autumn 2021

TOTAL_PRIMARY = 27660
TOTAL_JUNIOR = 11726

HERE = os.path.dirname(os.path.abspath(__file__))
OUT_DIR = os.path.normpath(os.path.join(HERE, "..", "..", "..", "main", "resources", "sample"))
REGISTER_FILE = os.path.join(OUT_DIR, "dadukou-500104-schools.json")
CSV_FILE = os.path.join(OUT_DIR, "dadukou-500104-2024.csv")

# The StatisticsColumn headers in enum order (org.junheng.intake.importing.StatisticsColumn).
HEADERS = [
    "学校标识码", "学校名称", "学段（小学/初中）",
    "在校生数（人）", "班级数（个）", "最大班额（人）", "随迁子女数（人）", "划片就近入学学生数（人）",
    "专任教师-高中及以下（人）", "专任教师-专科（人）", "专任教师-本科（人）", "专任教师-硕士（人）", "专任教师-博士（人）",
    "持教师资格证专任教师（人）", "县级及以上骨干教师（人）", "体育专任教师（人）", "音乐专任教师（人）", "美术专任教师（人）",
    "综合艺术专任教师（人）", "交流轮岗/兼职/走教体育艺术教师（人）", "5年内完成360学时培训教师（人）",
    "教学及辅助用房面积（m²）", "室内体育用房面积（m²）", "体育馆面积（m²）", "校内运动场地面积（m²）",
    "改造及政府租用体育场馆面积（m²）", "教学仪器设备值（元）", "网络多媒体教室（间）",
    "音乐专用教室面积（m²，每间一个数，以;分隔）", "美术专用教室面积（m²，每间一个数，以;分隔）",
    "高中在校生数（人）", "年度公用经费预算（元）", "教师培训经费（元）", "核定公用经费学生数（人）",
    "巩固率-入学年份", "巩固率-七年级入学人数（人）", "巩固率-毕业人数（人）", "巩固率-转入人数（人）",
    "巩固率-转出人数（人）", "巩固率-死亡人数（人）",
]

INDICATORS = ["RA1", "RA2", "RA3", "RA4", "RA5", "RA6", "RA7"]
THRESHOLD = {
    "P": {"RA1": 4.2, "RA2": 1.0, "RA3": 0.9, "RA4": 4.5, "RA5": 7.5, "RA6": 2000.0, "RA7": 2.3},
    "J": {"RA1": 5.3, "RA2": 1.0, "RA3": 0.9, "RA4": 5.8, "RA5": 10.2, "RA6": 2500.0, "RA7": 2.4},
}
CV_LIMIT = {"P": 0.50, "J": 0.45}
SECTION_LABEL = {"P": "小学", "J": "初中"}
TYPE_LABEL = {"PRIMARY": "小学", "JUNIOR": "初中", "NINE_YEAR": "九年一贯制", "COMPLETE_SECONDARY": "完全中学"}
NINE_YEAR_JUNIOR_WEIGHT = 1.1
SENIOR_WEIGHT = 1.2

# --------------------------------------------------------------------------------------------------- the schools
# key, name, type, location, ownership, boarding, year built, flags, primary pupils, junior pupils, senior pupils,
# facility layout (SINGLE: one row; WHOLE: whole-school facilities on the first row, apportioned; SPLIT: per section)
# and the overrides that make the intended findings. Overrides of RA values are targets for the section's value.

D = "重庆市大渡口区"
SCHOOLS = [
    # ---- 23 小学
    dict(key="shiyan", name=D + "实验小学", type="PRIMARY", loc="URBAN", own="PUBLIC", year=1956,
         flags=["DENSE_CITY_CORE"], P=2480,
         # 城区老校: largest school in the district, crowded buildings and a small ground; leased venues counted
         over={"P": {"RA4": 4.10, "RA5": 5.20, "avg_class": 47.7, "largest": 52, "leased_share": 0.36}}),
    dict(key="ganghua", name=D + "钢花小学", type="PRIMARY", loc="URBAN", own="PUBLIC", year=1958, P=1420,
         over={"P": {"catchment_gap": 38}}),  # GG13: 38 pupils admitted from outside the catchment
    dict(key="xingong", name=D + "新工小学", type="PRIMARY", loc="URBAN", own="PUBLIC", year=1955,
         flags=["DENSE_CITY_CORE"], P=1650,
         over={"P": {"RA5": 6.78, "RA4": 4.95, "leased_share": 0.22}}),
    dict(key="yucai", name=D + "育才小学", type="PRIMARY", loc="URBAN", own="PUBLIC", year=1964, P=1310,
         over={"P": {"RA7": 2.14, "avg_class": 44.2, "RA4": 5.05, "RA5": 7.9}}),  # annex classrooms not networked
    dict(key="shuangshan", name=D + "双山实验小学", type="PRIMARY", loc="URBAN", own="PUBLIC", year=2011, P=2060,
         over={"P": {"RA4": 4.28, "RA5": 7.82, "avg_class": 45.8, "largest": 48}}),
    dict(key="gongmin", name=D + "公民小学", type="PRIMARY", loc="URBAN", own="PUBLIC", year=1960, P=1180,
         over={"P": {"RA5": 7.7}}),
    dict(key="baihua", name=D + "百花小学", type="PRIMARY", loc="URBAN", own="PUBLIC", year=1972, P=860),
    dict(key="mawang", name=D + "马王小学", type="PRIMARY", loc="URBAN", own="PUBLIC", year=1952, P=760),
    dict(key="yuxin", name=D + "钰鑫小学", type="PRIMARY", loc="URBAN", own="PUBLIC", year=2003, P=1240,
         over={"P": {"RA5": 7.65}}),
    dict(key="qiezixi_p", name=D + "茄子溪小学", type="PRIMARY", loc="URBAN", own="PUBLIC", year=1957, P=680),
    dict(key="jiugongmiao", name=D + "九宫庙小学", type="PRIMARY", loc="URBAN", own="PUBLIC", year=1985, P=1060,
         over={"P": {"RA5": 7.8}}),
    dict(key="xinshancun", name=D + "新山村小学", type="PRIMARY", loc="URBAN", own="PUBLIC", year=1962, P=820),
    dict(key="songqing", name=D + "松青小学", type="PRIMARY", loc="URBAN", own="PUBLIC", year=1995, P=940),
    dict(key="huayuan", name=D + "花园小学", type="PRIMARY", loc="URBAN", own="PUBLIC", year=1990, P=620),
    dict(key="cuiyuan", name=D + "翠园小学", type="PRIMARY", loc="URBAN", own="PUBLIC", year=2008, P=1120),
    dict(key="baishubao", name=D + "柏树堡小学", type="PRIMARY", loc="URBAN", own="PUBLIC", year=1983, P=520),
    dict(key="badeng", name=D + "跳磴镇中心小学", type="PRIMARY", loc="TOWN", own="PUBLIC", year=1950, P=780),
    dict(key="shilin", name=D + "跳磴镇石林小学", type="PRIMARY", loc="TOWN", own="PUBLIC", year=1965, P=430),
    dict(key="shipan", name=D + "跳磴镇石盘小学", type="PRIMARY", loc="RURAL", own="PUBLIC", year=1970, P=310,
         over={"P": {"training_share": 0.046}}),  # EQ4
    dict(key="yidu", name=D + "义渡实验小学", type="PRIMARY", loc="URBAN", own="PUBLIC", year=2018, P=1260),
    dict(key="chunhui", name=D + "春晖路小学", type="PRIMARY", loc="URBAN", own="PUBLIC", year=2016, P=1060),
    dict(key="boya", name=D + "博雅小学", type="PRIMARY", loc="URBAN", own="PRIVATE", year=2006, P=660,
         boarding=True,
         over={"P": {"RA2": 0.91, "training_share": 0.041}}),  # 民办: few county key teachers; EQ4
    dict(key="baqiao", name=D + "八桥小学", type="PRIMARY", loc="URBAN", own="PUBLIC", year=1960, P=1050),
    # ---- 4 单办初中
    dict(key="no95", name="重庆市第九十五初级中学校", type="JUNIOR", loc="URBAN", own="PUBLIC", year=1984, J=1960,
         over={"J": {"RA5": 10.6}}),
    dict(key="qiezixi_j", name=D + "茄子溪中学", type="JUNIOR", loc="URBAN", own="PUBLIC", year=1958, J=1420,
         over={"J": {"RA5": 7.95, "RA4": 6.1}}),  # hillside campus, one small ground: 78% of the standard
    dict(key="tiaodeng_j", name=D + "跳磴中学", type="JUNIOR", loc="TOWN", own="PUBLIC", year=1969, J=1080),
    dict(key="yuying", name=D + "育英初级中学", type="JUNIOR", loc="URBAN", own="PRIVATE", year=2004, J=760),
    # ---- 3 九年一贯制
    dict(key="gangcheng", name=D + "钢城实验学校", type="NINE_YEAR", loc="URBAN", own="PUBLIC", year=1998,
         P=1450, J=1240, layout="WHOLE",
         over={"J": {"RA6": 2380.0}}),  # apportioned equipment: the junior part falls short
    dict(key="jiansheng", name=D + "建胜实验学校", type="NINE_YEAR", loc="TOWN", own="PUBLIC", year=1976,
         P=760, J=860, layout="WHOLE"),
    dict(key="diaoyuzui", name=D + "钓鱼嘴实验学校", type="NINE_YEAR", loc="URBAN", own="PUBLIC", year=2021,
         P=1180, J=806, layout="SPLIT",
         over={"J": {"RA2": 0.87}}),  # new school in 大渡口新城: young staff, few key teachers yet
    # ---- 2 高完中
    dict(key="no37", name="重庆市第三十七中学校", type="COMPLETE_SECONDARY", loc="URBAN", own="PUBLIC", year=1956,
         J=1880, S=1720, layout="WHOLE"),
    dict(key="no94", name="重庆市第九十四中学校", type="COMPLETE_SECONDARY", loc="URBAN", own="PUBLIC", year=1965,
         J=1720, S=1460, layout="WHOLE"),
]

# The resource-allocation items meant to be unmet, per (school key, section); the script checks the data against it.
INTENDED_UNMET = {
    ("shiyan", "P"): {"RA4", "RA5"},
    ("xingong", "P"): {"RA5"},
    ("yucai", "P"): {"RA7"},
    ("shuangshan", "P"): {"RA4"},
    ("boya", "P"): {"RA2"},
    ("qiezixi_j", "J"): {"RA5"},
    ("gangcheng", "J"): {"RA6"},
    ("diaoyuzui", "J"): {"RA2"},
}


def r2(x):
    return round(x + 1e-9, 2)


def fmt_num(x):
    """A CSV number: no thousands separators, at most 2 decimals, no trailing zeros."""
    if isinstance(x, int):
        return str(x)
    s = f"{x:.2f}".rstrip("0").rstrip(".")
    return s


# --------------------------------------------------------------------------------------------------- generation

rng = random.Random(SEED)


def uniform(lo, hi):
    return rng.uniform(lo, hi)


def school_code(used):
    while True:
        code = "2150" + "".join(str(rng.randint(0, 9)) for _ in range(6))
        if code not in used:
            used.add(code)
            return code


def tier(school):
    new = school["year"] >= 2011
    if school["loc"] in ("TOWN", "RURAL"):
        return "outer"
    return "new" if new else "urban"


# Random ranges per section and tier, chosen so that every generated value is clearly above its threshold.
RANGES = {
    ("P", "urban"): dict(ratio=(5.1, 6.2), key=(1.15, 2.2), arts=(1.0, 1.4), ra4=(5.0, 6.6), ra5=(7.7, 10.0),
                         ra6=(2300, 4200), avg=(39.0, 43.5)),
    ("P", "new"): dict(ratio=(5.2, 6.3), key=(1.1, 1.8), arts=(1.05, 1.45), ra4=(5.8, 7.4), ra5=(16.0, 24.0),
                       ra6=(3600, 5200), avg=(40.0, 44.0)),
    ("P", "outer"): dict(ratio=(6.4, 8.6), key=(1.2, 2.4), arts=(1.05, 1.6), ra4=(6.0, 8.4), ra5=(20.0, 32.0),
                         ra6=(2500, 4000), avg=(35.0, 41.0)),
    ("J", "urban"): dict(ratio=(7.6, 9.2), key=(1.3, 2.6), arts=(0.98, 1.35), ra4=(6.1, 7.6), ra5=(10.6, 13.8),
                         ra6=(2800, 4800), avg=(43.0, 47.5)),
    ("J", "new"): dict(ratio=(7.6, 9.0), key=(1.2, 2.0), arts=(1.0, 1.35), ra4=(6.6, 8.2), ra5=(12.5, 17.0),
                       ra6=(3800, 5600), avg=(42.0, 46.0)),
    ("J", "outer"): dict(ratio=(8.4, 10.2), key=(1.3, 2.4), arts=(1.0, 1.4), ra4=(6.6, 8.8), ra5=(14.0, 22.0),
                         ra6=(2900, 4400), avg=(40.0, 45.0)),
}


def split_int(total, shares):
    """Splits an integer total by shares, largest remainder, deterministic."""
    raw = [total * s for s in shares]
    base = [int(math.floor(v)) for v in raw]
    rest = total - sum(base)
    order = sorted(range(len(shares)), key=lambda i: (-(raw[i] - base[i]), i))
    for i in order[:rest]:
        base[i] += 1
    return base


def make_section(school, sec):
    """Pupils, classes, teachers and the section's target facility values (per pupil)."""
    pupils = school[sec]
    over = school.get("over", {}).get(sec, {})
    rg = RANGES[(sec, tier(school))]
    s = dict(section=sec, pupils=pupils, over=over)

    # classes and the largest class (GG5: P <= 45, J <= 50 unless overridden)
    avg = over.get("avg_class", uniform(*rg["avg"]))
    classes = max(1, round(pupils / avg))
    cap = 45 if sec == "P" else 50
    while math.ceil(pupils / classes) > cap and "largest" not in over:
        classes += 1
    floor_avg = math.ceil(pupils / classes)
    largest = over.get("largest", min(cap, floor_avg + rng.randint(1, 4)))
    assert largest >= floor_avg, (school["key"], sec, largest, floor_avg)
    s.update(classes=classes, largest=largest)

    # pupils: migrants and in-catchment (GG13: public urban/town P 100%, J >= 95%)
    migrant_share = {"URBAN": (0.12, 0.34), "TOWN": (0.22, 0.44), "RURAL": (0.15, 0.30)}[school["loc"]]
    if school["own"] == "PRIVATE":
        migrant_share = (0.25, 0.42)
    s["migrant"] = round(pupils * uniform(*migrant_share))
    if school["own"] == "PRIVATE":
        s["catchment"] = round(pupils * uniform(0.32, 0.55))
    elif sec == "P":
        s["catchment"] = pupils - over.get("catchment_gap", 0)
    else:
        s["catchment"] = pupils - round(pupils * uniform(0.0, 0.035))

    # teachers
    ratio = uniform(*rg["ratio"])
    total = round(pupils * ratio / 100)
    if sec == "P":
        hs = rng.choice([0, 0, 0, 1]) if school["year"] < 2000 else 0
        associate = round(total * uniform(0.08, 0.24))
        master = round(total * uniform(0.02, 0.08))
        doctorate = 0
    else:
        hs = 0
        associate = round(total * uniform(0.02, 0.07))
        master = round(total * uniform(0.06, 0.15))
        doctorate = 1 if school["type"] == "COMPLETE_SECONDARY" else 0
    bachelor = total - hs - associate - master - doctorate
    key_rate = over.get("RA2", uniform(*rg["key"]))
    key = math.floor(pupils * key_rate / 100) if "RA2" in over else round(pupils * key_rate / 100)
    arts_total = round(pupils * uniform(*rg["arts"]) / 100)
    pe, music, art, integrated = split_int(arts_total, [0.46, 0.24, 0.24, 0.06])
    s["teachers"] = dict(hs=hs, associate=associate, bachelor=bachelor, master=master, doctorate=doctorate,
                         total=total, certified=total, key=key, pe=pe, music=music, art=art, integrated=integrated,
                         rotating=0, trained=total)

    # facility targets per (weighted) pupil
    s["target"] = dict(
        RA4=over.get("RA4", uniform(*rg["ra4"])),
        RA5=over.get("RA5", uniform(*rg["ra5"])),
        RA6=over.get("RA6", uniform(*rg["ra6"])),
    )
    return s


def music_art_rooms(classes, built):
    """Rooms for GG3: at least ceil(classes/12) rooms each, all above the size floor for the school's age."""
    needed = max(1, math.ceil(classes / 12))
    new = built > 2016
    music_lo, art_lo = (96, 90) if new else (76, 70)
    music = [rng.randint(music_lo, music_lo + 28) for _ in range(needed + (1 if rng.random() < 0.3 else 0))]
    art = [rng.randint(art_lo, art_lo + 26) for _ in range(needed + (1 if rng.random() < 0.3 else 0))]
    return music, art


def build_facilities(school, units, classes_total, per_unit, min_mm_per_unit, mm_override=None):
    """Facility totals for `units` (weighted) pupils from per-unit targets."""
    f = {}
    teaching_net = per_unit["RA4"] * units
    has_gym = school["year"] >= 1990 or school["type"] in ("COMPLETE_SECONDARY", "NINE_YEAR") or units > 1500
    if has_gym:
        gym = round(uniform(0.28, 0.45) * units + 300)
        indoor = gym + rng.randint(0, 3) * 60
    else:
        gym = 0
        indoor = rng.randint(2, 5) * 60  # 形体室/乒乓球室 inside the teaching building
    f["teaching"] = round(teaching_net + indoor)
    f["indoor"] = indoor
    f["gym"] = gym
    sports_total = per_unit["RA5"] * units
    leased_share = per_unit.get("leased_share")
    if leased_share:
        f["leased"] = round(sports_total * leased_share)
    else:
        f["leased"] = None
    f["ground"] = round(sports_total - gym - (f["leased"] or 0))
    assert f["ground"] > 0, school["key"]
    f["equipment"] = r2(per_unit["RA6"] * units + rng.randint(0, 99) / 100)
    if mm_override is not None:
        f["multimedia"] = math.floor(mm_override * units / 100)
    else:
        f["multimedia"] = max(classes_total + rng.randint(3, 9), math.ceil(min_mm_per_unit * units / 100))
    f["music"], f["art"] = music_art_rooms(classes_total, school["year"])
    return f


def generate():
    used_codes = set()
    for school in SCHOOLS:
        school.setdefault("flags", [])
        school.setdefault("boarding", False)
        school.setdefault("layout", "SINGLE")
        school.setdefault("over", {})
        school.setdefault("S", 0)
        school["code"] = school_code(used_codes)
        secs = [sec for sec in ("P", "J") if school.get(sec)]
        school["sections"] = [make_section(school, sec) for sec in secs]
        sections = school["sections"]

        # facilities
        if school["layout"] == "SINGLE":
            s = sections[0]
            per = dict(s["target"])
            per["leased_share"] = s["over"].get("leased_share")
            mm_over = s["over"].get("RA7")
            s["facilities"] = build_facilities(school, s["pupils"], s["classes"], per,
                                               THRESHOLD[s["section"]]["RA7"] * 1.04, mm_over)
            school["whole"] = None
        elif school["layout"] == "SPLIT":
            for s in sections:
                per = dict(s["target"])
                s["facilities"] = build_facilities(school, s["pupils"], s["classes"], per,
                                                   THRESHOLD[s["section"]]["RA7"] * 1.04)
            school["whole"] = None
        else:  # WHOLE: targets are per weighted pupil, i.e. the value of the unweighted section
            if school["type"] == "NINE_YEAR":
                p, j = sections
                units = p["pupils"] + NINE_YEAR_JUNIOR_WEIGHT * j["pupils"]
                # per weighted pupil u: primary value u, junior value 1.1u; both must clear their thresholds
                per = {}
                for ind in ("RA4", "RA5", "RA6"):
                    if ind in j["over"]:
                        per[ind] = j["over"][ind] / NINE_YEAR_JUNIOR_WEIGHT
                    else:
                        lo = max(THRESHOLD["P"][ind], THRESHOLD["J"][ind] / NINE_YEAR_JUNIOR_WEIGHT) * 1.06
                        per[ind] = max(p["target"][ind], lo)
                classes_total = p["classes"] + j["classes"]
                min_mm = max(THRESHOLD["P"]["RA7"], THRESHOLD["J"]["RA7"] / NINE_YEAR_JUNIOR_WEIGHT) * 1.04
            else:  # COMPLETE_SECONDARY
                (j,) = sections
                units = j["pupils"] + SENIOR_WEIGHT * school["S"]
                per = dict(j["target"])
                senior_classes = math.ceil(school["S"] / 47)
                classes_total = j["classes"] + senior_classes
                min_mm = THRESHOLD["J"]["RA7"] * 1.04
            for s in sections:
                s["facilities"] = None
            school["whole"] = build_facilities(school, units, classes_total, per, min_mm)

        # funds: 公用经费 budget (元), training share 5-8% (EQ4 findings by override)
        budget = 150000 + 880 * school.get("P", 0) + 1120 * school.get("J", 0) + 1300 * school["S"]
        budget = int(round(budget * uniform(0.96, 1.06), -2))
        share = None
        for s in sections:
            share = s["over"].get("training_share", share)
        if share is None:
            share = uniform(0.052, 0.078)
        school["funds"] = dict(operating=budget, training=int(round(budget * share, -2)))

        # retention cohort (junior sections): the cohort that entered grade 7 in 2021
        school["cohort"] = None
        for s in sections:
            if s["section"] != "J":
                continue
            g7 = round(s["pupils"] / 3 * uniform(0.94, 1.03))
            t_in = rng.randint(2, 4 + g7 // 60)
            t_out = rng.randint(3, 6 + g7 // 50)
            deaths = 1 if rng.random() < 0.15 else 0
            dropouts = rng.randint(0, max(1, g7 // 250))
            graduates = g7 - t_out + t_in - dropouts - deaths
            school["cohort"] = dict(entry=COHORT_ENTRY_YEAR, g7=g7, graduates=graduates, t_in=t_in, t_out=t_out,
                                    deaths=deaths)


# --------------------------------------------------------------------------------------------------- evaluation

def apportioned(school):
    """Per section: the facility quantities that count for it (own, or its weighted share of the whole school)."""
    result = {}
    keys = ("teaching", "indoor", "gym", "ground", "leased", "equipment", "multimedia")
    if school["whole"] is None:
        for s in school["sections"]:
            result[s["section"]] = {k: (s["facilities"][k] or 0) for k in keys}
        return result
    w = school["whole"]
    if school["type"] == "NINE_YEAR":
        a = next(s["pupils"] for s in school["sections"] if s["section"] == "P")
        b = next(s["pupils"] for s in school["sections"] if s["section"] == "J")
        denom = a + NINE_YEAR_JUNIOR_WEIGHT * b
        shares = {"P": a / denom, "J": NINE_YEAR_JUNIOR_WEIGHT * b / denom}
    else:
        b = school["sections"][0]["pupils"]
        shares = {"J": b / (b + SENIOR_WEIGHT * school["S"])}
    for sec, share in shares.items():
        result[sec] = {k: (w[k] or 0) * share for k in keys}
    return result


def indicator_values(school):
    values = {}
    fac = apportioned(school)
    dense = "DENSE_CITY_CORE" in school["flags"]
    for s in school["sections"]:
        sec, p, t, f = s["section"], s["pupils"], s["teachers"], fac[s["section"]]
        qualified = (t["associate"] + t["bachelor"] + t["master"] + t["doctorate"]) if sec == "P" \
            else (t["bachelor"] + t["master"] + t["doctorate"])
        sports = f["gym"] + f["ground"] + (f["leased"] if dense else 0)
        values[sec] = {
            "RA1": qualified * 100 / p,
            "RA2": t["key"] * 100 / p,
            "RA3": (t["pe"] + t["music"] + t["art"] + t["integrated"]) * 100 / p,
            "RA4": (f["teaching"] - f["indoor"]) / p,
            "RA5": sports / p,
            "RA6": f["equipment"] / p,
            "RA7": f["multimedia"] * 100 / p,
        }
    return values


def cv(points):
    """points: [(pupils, value)] -> (mean, S, CV); pupil-weighted, population form."""
    total = sum(p for p, _ in points)
    mean = sum(p * x for p, x in points) / total
    var = sum((p / total) * (x - mean) ** 2 for p, x in points)
    s = math.sqrt(var)
    return mean, s, s / mean, var


def school_pass(unmet_ratios):
    """RA-SCHOOL: at least 6 of 7 met, and the one unmet at least 85% of its standard."""
    if not unmet_ratios:
        return True
    return len(unmet_ratios) == 1 and next(iter(unmet_ratios.values())) >= 0.85


# --------------------------------------------------------------------------------------------------- output

def write_register():
    register = [{
        "schoolCode": s["code"],
        "profile": {
            "name": s["name"],
            "type": s["type"],
            "locationClass": s["loc"],
            "ownership": s["own"],
            "boarding": s["boarding"],
            "yearBuilt": s["year"],
            "flags": s["flags"],
        },
    } for s in SCHOOLS]
    os.makedirs(OUT_DIR, exist_ok=True)
    with open(REGISTER_FILE, "w", encoding="utf-8", newline="\n") as out:
        json.dump(register, out, ensure_ascii=False, indent=2)
        out.write("\n")


def facility_cells(f):
    if f is None:
        return [""] * 9
    return [
        fmt_num(f["teaching"]), fmt_num(f["indoor"]), fmt_num(f["gym"]), fmt_num(f["ground"]),
        "" if f["leased"] is None else fmt_num(f["leased"]),
        fmt_num(f["equipment"]), fmt_num(f["multimedia"]),
        ";".join(fmt_num(a) for a in f["music"]), ";".join(fmt_num(a) for a in f["art"]),
    ]


def write_csv():
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADERS)
    rows = 0
    for school in SCHOOLS:
        for index, s in enumerate(school["sections"]):
            first = index == 0
            t = s["teachers"]
            row = [school["code"], school["name"], SECTION_LABEL[s["section"]],
                   s["pupils"], s["classes"], s["largest"], s["migrant"], s["catchment"],
                   t["hs"], t["associate"], t["bachelor"], t["master"], t["doctorate"],
                   t["certified"], t["key"], t["pe"], t["music"], t["art"], t["integrated"], t["rotating"],
                   t["trained"]]
            if school["whole"] is not None:
                row += facility_cells(school["whole"] if first else None)
            else:
                row += facility_cells(s["facilities"])
            if first:
                row += [school["S"] if school["type"] == "COMPLETE_SECONDARY" else "",
                        school["funds"]["operating"], school["funds"]["training"], ""]
            else:
                row += ["", "", "", ""]
            c = school["cohort"]
            if s["section"] == "J" and c:
                row += [c["entry"], c["g7"], c["graduates"], c["t_in"], c["t_out"], c["deaths"]]
            else:
                row += [""] * 6
            assert len(row) == len(HEADERS)
            writer.writerow([fmt_num(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else v
                             for v in row])
            rows += 1
    with open(CSV_FILE, "w", encoding="utf-8-sig", newline="") as out:
        out.write(buffer.getvalue())
    return rows


def fmt_value(ind, x):
    return f"{x:.2f}" if ind == "RA6" else f"{x:.4f}"


def summary(rows):
    lines = []
    out = lines.append
    out("# Dadukou (大渡口区, 500104) sample data set, 2024 — expected evaluation results")
    out("# generated by generate_dadukou.py (seed %d); do not edit by hand" % SEED)
    out("")
    n_type = {}
    for s in SCHOOLS:
        n_type[s["type"]] = n_type.get(s["type"], 0) + 1
    out("schools: %d (%s); CSV rows: %d" % (len(SCHOOLS), ", ".join(
        "%s %d" % (t, n_type.get(t, 0)) for t in ("PRIMARY", "JUNIOR", "NINE_YEAR", "COMPLETE_SECONDARY")), rows))
    p_total = sum(s["P"] for s in SCHOOLS if s.get("P"))
    j_total = sum(s["J"] for s in SCHOOLS if s.get("J"))
    out("pupils: primary %d + junior %d = %d; senior (完全中学) %d" % (
        p_total, j_total, p_total + j_total, sum(s["S"] for s in SCHOOLS)))
    out("apportioning: 九年一贯制 P:J = 1:1.1; 完全中学 J:senior = 1:1.2 (whole-school facilities only)")
    out("")

    values = {s["key"]: indicator_values(s) for s in SCHOOLS}
    points = {"P": [], "J": []}
    unmet_by_section = {}
    for school in SCHOOLS:
        for s in school["sections"]:
            sec = s["section"]
            v = values[school["key"]][sec]
            unmet = {ind: v[ind] / THRESHOLD[sec][ind] for ind in INDICATORS if v[ind] < THRESHOLD[sec][ind]}
            unmet_by_section[(school["key"], sec)] = unmet
            points[sec].append((school, s, v))

    out("== County coefficients of variation (pupil-weighted, population form) ==")
    failing_cvs = []
    for sec in ("P", "J"):
        pts = points[sec]
        out("%s (%s): %d sections, %d pupils, limit %.2f" % (
            sec, SECTION_LABEL[sec], len(pts), sum(s["pupils"] for _, s, _ in pts), CV_LIMIT[sec]))
        for ind in INDICATORS:
            mean, sd, c, var = cv([(s["pupils"], v[ind]) for _, s, v in pts])
            ok = c <= CV_LIMIT[sec]
            if not ok:
                failing_cvs.append(("CV-%s-%s" % (ind, sec), pts, ind, mean, var))
            out("  CV-%s-%s  mean %s  S %s  CV %.4f  %s" % (
                ind, sec, fmt_value(ind, mean), fmt_value(ind, sd), c, "met" if ok else "NOT MET"))
    out("")
    for code, pts, ind, mean, var in failing_cvs:
        total = sum(s["pupils"] for _, s, _ in pts)
        shares = sorted(((s["pupils"] / total) * (v[ind] - mean) ** 2 / var, school, v[ind]) for school, s, v in pts)
        out("%s fails; largest variance shares:" % code)
        for share, school, x in reversed(shares[-5:]):
            out("  %.4f  %s %s  %s = %s" % (share, school["code"], school["name"], ind, fmt_value(ind, x)))
        out("")

    out("== Per school section: indicator values and unmet items ==")
    out("(thresholds P: RA1 4.2, RA2 1.0, RA3 0.9, RA4 4.5, RA5 7.5, RA6 2000, RA7 2.3; "
        "J: RA1 5.3, RA2 1.0, RA3 0.9, RA4 5.8, RA5 10.2, RA6 2500, RA7 2.4)")
    for school in SCHOOLS:
        for s in school["sections"]:
            sec = s["section"]
            v = values[school["key"]][sec]
            unmet = unmet_by_section[(school["key"], sec)]
            out("%s %s [%s] %s pupils %d" % (school["code"], school["name"], TYPE_LABEL[school["type"]], sec,
                                             s["pupils"]))
            out("  " + "  ".join("%s %s" % (ind, fmt_value(ind, v[ind])) for ind in INDICATORS))
            if unmet:
                out("  unmet: " + ", ".join("%s (%.1f%% of standard)" % (ind, 100 * r) for ind, r in unmet.items())
                    + "; RA-SCHOOL " + ("met" if school_pass(unmet) else "NOT MET"))
            else:
                out("  unmet: none; RA-SCHOOL met")
    out("")

    out("== Unmet resource-allocation items (未达标台账) ==")
    n_sections = 0
    for school in SCHOOLS:
        for s in school["sections"]:
            unmet = unmet_by_section[(school["key"], s["section"])]
            if unmet:
                n_sections += 1
                out("%s %s %s: %s%s" % (school["code"], school["name"], s["section"], " ".join(sorted(unmet)),
                                        "" if school_pass(unmet) else "  -> RA-SCHOOL NOT MET"))
    out("sections with unmet items: %d; RA-SCHOOL not met: %d" % (n_sections, sum(
        1 for u in unmet_by_section.values() if not school_pass(u))))
    out("county CVs not met: %s" % (", ".join(c[0] for c in failing_cvs) or "none"))
    out("")

    out("== Other per-school checks (national defaults; conventions of STANDARD.md) ==")
    others = []
    for school in SCHOOLS:
        label = "%s %s" % (school["code"], school["name"])
        compulsory = sum(s["pupils"] for s in school["sections"])
        one_through = school["type"] == "NINE_YEAR"
        migrant_share = sum(s["migrant"] for s in school["sections"]) / compulsory
        relaxed = school["year"] <= 2010 or migrant_share > 0.5
        cap = (3000 if relaxed else 2500) if one_through else (2400 if relaxed else 2000)
        if compulsory > cap:
            others.append("GG4   %s: %d compulsory pupils > %d" % (label, compulsory, cap))
        for s in school["sections"]:
            limit = 45 if s["section"] == "P" else 50
            if s["largest"] > limit:
                others.append("GG5   %s %s: largest class %d > %d" % (label, s["section"], s["largest"], limit))
            t = s["teachers"]
            if t["certified"] < t["total"]:
                others.append("GG12  %s %s: certified %d of %d" % (label, s["section"], t["certified"], t["total"]))
            if t["trained"] < t["total"]:
                others.append("GG9   %s %s: 360 h %d of %d" % (label, s["section"], t["trained"], t["total"]))
        # GG3: music and art rooms per 12 classes (whole-school rooms count against all the school's classes)
        facs = [school["whole"]] if school["whole"] else [s["facilities"] for s in school["sections"]]
        classes = sum(s["classes"] for s in school["sections"])
        music_floor, art_floor = (73, 67) if school["year"] <= 2016 else (96, 90)
        music = sum(1 for f in facs for a in f["music"] if a >= music_floor)
        art = sum(1 for f in facs for a in f["art"] if a >= art_floor)
        if music < math.ceil(classes / 12) or art < math.ceil(classes / 12):
            others.append("GG3   %s: music %d / art %d rooms for %d classes" % (label, music, art, classes))
        f = school["funds"]
        if f["training"] / f["operating"] < 0.05:
            others.append("EQ4   %s: training %d / operating %d = %.2f%% < 5%%" % (
                label, f["training"], f["operating"], 100 * f["training"] / f["operating"]))
        c = school["cohort"]
        if c:
            rate = (c["graduates"] - c["t_in"] + c["t_out"]) / (c["g7"] - c["deaths"])
            if rate < 0.95:
                others.append("EQ1   %s: retention %.2f%% < 95%%" % (label, 100 * rate))
    # GG13: one county ratio per section over the urban and town public day schools, with the schools behind it
    for sec, need in (("P", 1.0), ("J", 0.95)):
        counted = [(school, s) for school in SCHOOLS for s in school["sections"]
                   if s["section"] == sec and school["loc"] in ("URBAN", "TOWN") and school["own"] == "PUBLIC"
                   and not school["boarding"]]
        pupils = sum(s["pupils"] for _, s in counted)
        inside = sum(s["catchment"] for _, s in counted)
        if pupils and inside / pupils < need:
            outside = sorted(((s["pupils"] - s["catchment"], school["code"]) for school, s in counted
                              if s["pupils"] > s["catchment"]), key=lambda o: (-o[0], o[1]))
            others.append("GG13  county %s: in-catchment %.2f%% < %d%% (%d / %d; outside: %s)" % (
                sec, 100 * inside / pupils, round(100 * need), inside, pupils,
                ", ".join("%s %d" % (code, n) for n, code in outside)))
    for line in others:
        out(line)
    out("")

    out("== Junior retention (EQ1, county) ==")
    cohorts = [s["cohort"] for s in SCHOOLS if s["cohort"]]
    num = sum(c["graduates"] - c["t_in"] + c["t_out"] for c in cohorts)
    den = sum(c["g7"] - c["deaths"] for c in cohorts)
    out("county retention %.2f%% (%d / %d)" % (100 * num / den, num, den))
    out("== Teacher training budget (EQ4, county) ==")
    op = sum(s["funds"]["operating"] for s in SCHOOLS)
    tr = sum(s["funds"]["training"] for s in SCHOOLS)
    out("county training share %.2f%% (%d / %d)" % (100 * tr / op, tr, op))
    return "\n".join(lines) + "\n", unmet_by_section, failing_cvs


def check(unmet_by_section, failing_cvs):
    """The data must make exactly the intended findings."""
    p_total = sum(s["P"] for s in SCHOOLS if s.get("P"))
    j_total = sum(s["J"] for s in SCHOOLS if s.get("J"))
    assert p_total == TOTAL_PRIMARY, p_total
    assert j_total == TOTAL_JUNIOR, j_total
    counts = {}
    for s in SCHOOLS:
        counts[s["type"]] = counts.get(s["type"], 0) + 1
    assert counts == {"PRIMARY": 23, "JUNIOR": 4, "NINE_YEAR": 3, "COMPLETE_SECONDARY": 2}, counts
    actual = {k: set(v) for k, v in unmet_by_section.items() if v}
    assert actual == INTENDED_UNMET, "unmet items differ from the intended ones: %s" % actual
    assert [c[0] for c in failing_cvs] == ["CV-RA5-P"], [c[0] for c in failing_cvs]
    for school in SCHOOLS:
        for s in school["sections"]:
            t = s["teachers"]
            assert t["certified"] <= t["total"] and t["key"] <= t["total"] and t["trained"] <= t["total"]
            assert t["pe"] + t["music"] + t["art"] + t["integrated"] <= t["total"]
            assert s["catchment"] <= s["pupils"] and s["migrant"] <= s["pupils"]
            assert s["largest"] * s["classes"] >= s["pupils"]
            assert 300 <= s["pupils"] <= 2600
        c = school["cohort"]
        if c:
            assert c["graduates"] <= c["g7"] + c["t_in"]
        f = school["funds"]
        assert f["training"] < f["operating"]


def main():
    generate()
    write_register()
    rows = write_csv()
    text, unmet_by_section, failing_cvs = summary(rows)
    try:
        check(unmet_by_section, failing_cvs)
    except AssertionError:
        sys.stderr.write(text)
        raise
    sys.stdout.write(text)


if __name__ == "__main__":
    main()
