#!/usr/bin/env python3
"""Writes examples/province/{problems,hazards,leads,public_reports,lookbacks}.yaml: the example's
problem ledger for its 2021-2026 tours. Run once; the output is committed. Deterministic (fixed seed).

The ledger is clean as of 2026-11-30 except for exactly three planted findings (README.md):
  R106  P2026-huangshi-09 in progress past its due date 2026-10-31
  R303  X2026-huangshi-2 transferred 2026-07-10, no feedback by its due date 2026-10-10
  R402  Q2026-huangshi-3 verified 2026-05-20, result never announced or answered
Usage: scripts/gen_example_ledger.py [examples/province]
"""
import datetime as dt
import random
import sys
from pathlib import Path

import yaml

root = Path(sys.argv[1] if len(sys.argv) > 1 else "examples/province")
rng = random.Random(20261130)
D = dt.date.fromisoformat
AS_OF = D("2026-11-30")

regions = {r["id"]: r for r in yaml.safe_load((root / "regions.yaml").read_text())["regions"]}
tours = [t for t in yaml.safe_load((root / "tours.yaml").read_text())["tours"] if t.get("body") != "state_council"]

# Working days, enough for spacing dates sensibly (the generator keeps clear of every deadline).
def plus(d, days):
    return d + dt.timedelta(days=days)

def weekday(d):
    while d.weekday() >= 5:
        d = plus(d, 1)
    return d

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = ["建国", "海峰", "丽华", "志强", "文静", "晓东", "红梅", "永胜", "立新", "春燕", "国庆", "明辉",
         "秀英", "德华", "振宇", "玉兰", "俊杰", "桂芳", "伟", "敏", "军", "磊", "静", "涛", "鹏", "婷", "斌", "琳"]

def person():
    return rng.choice(SURNAMES) + rng.choice(GIVEN)

# 问题类别 by industry code: the same region, category and unit at a later tour is a repeat (屡查屡犯).
CATEGORY = {"危化": "危险化学品", "矿山": "非煤矿山", "交通": "交通运输", "建筑": "建筑施工和城镇燃气", "消防": "消防",
            "工贸": "工贸", "应急": "应急管理", "执法": "监管执法", "责任": "安全生产责任落实"}
# (industry, description, measures, unit suffix)
POOL = [
    ("危化", "危险化学品企业重大危险源安全包保责任未落实到人", "逐一明确包保责任人并公示，纳入考核", "应急管理局"),
    ("危化", "化工园区安全风险智能化管控平台接入率不足", "督促园区企业全部接入并实时上传数据", "应急管理局"),
    ("危化", "部分企业特殊作业审批流于形式，动火作业票填写不规范", "开展特殊作业专项检查，组织作业人员复训", "应急管理局"),
    ("危化", "加油站油气回收装置检测不及时", "委托检测机构完成检测并建立检测台账", "商务局"),
    ("矿山", "非煤矿山企业未按设计开采，存在越界开采现象", "责令停止越界开采，重新核定开采范围", "自然资源和规划局"),
    ("矿山", "尾矿库在线监测系统数据异常未及时处置", "修复监测设备，建立异常数据处置流程", "应急管理局"),
    ("矿山", "地下矿山井下避险系统维护不到位", "完成避险系统检修，开展应急演练", "应急管理局"),
    ("交通", "农村公路临水临崖路段安全防护设施缺失", "增设护栏和警示标志，列入年度整治计划", "交通运输局"),
    ("交通", "道路运输企业动态监控平台值守不到位", "落实 24 小时值守，对违规驾驶人员处理", "交通运输局"),
    ("交通", "渡口渡船安全检查记录不全", "规范安全检查制度，补齐检查记录", "交通运输局"),
    ("建筑", "在建工地高大模板支撑体系未按方案验收", "组织专家论证和验收，整改不合格支撑体系", "住房和城乡建设局"),
    ("建筑", "老旧小区燃气管道老化，未纳入改造计划", "将老化管道纳入年度改造计划并分批实施", "住房和城乡建设局"),
    ("建筑", "城镇燃气餐饮用户未安装可燃气体报警装置", "督促餐饮用户安装报警装置并联网", "城市管理执法局"),
    ("消防", "高层建筑消防设施维护保养不到位", "委托维保单位全面检测，建立维保档案", "消防救援支队"),
    ("消防", "人员密集场所疏散通道堵塞、安全出口锁闭", "现场清理疏散通道，开展联合执法检查", "消防救援支队"),
    ("消防", "电动自行车违规停放充电问题突出", "建设集中充电设施，开展入户宣传", "消防救援支队"),
    ("工贸", "冶金企业煤气区域一氧化碳报警器失效", "更换失效报警器并定期校验", "经济和信息化局"),
    ("工贸", "粉尘涉爆企业除尘系统未按规范设置", "按规范改造除尘系统并验收", "应急管理局"),
    ("工贸", "有限空间作业未执行先通风、再检测、后作业", "开展有限空间作业专项培训和检查", "应急管理局"),
    ("责任", "党政领导干部安全生产责任清单未及时修订", "修订责任清单并印发执行", "安全生产委员会办公室"),
    ("责任", "安委会成员单位安全生产职责交叉，部分领域监管空白", "厘清部门职责，明确新兴行业监管主体", "安全生产委员会办公室"),
    ("责任", "安全生产考核巡查发现问题整改跟踪机制不健全", "建立问题清单、任务清单、责任清单并按月调度", "安全生产委员会办公室"),
    ("执法", "安全生产执法检查以查代罚，行政处罚偏少", "完善执法计划，落实执法全过程记录", "应急管理局"),
    ("执法", "基层应急管理执法人员专业能力不足", "开展执法人员轮训，充实专业执法力量", "应急管理局"),
    ("应急", "乡镇应急预案未结合实际修订，演练不足", "修订预案并每半年组织一次演练", "应急管理局"),
    ("应急", "防汛物资储备不足，部分物资过期", "补充更换防汛物资，建立储备台账", "水利和湖泊局"),
]
MAJOR = [
    ("危化", "沿江化工企业储罐区与居民区安全距离不足", "企业整体搬迁入园，搬迁前落实限产和监控措施", "人民政府"),
    ("矿山", "尾矿库坝体浸润线偏高，排洪设施淤堵", "实施坝体加固和排洪设施清淤，降低库水位", "人民政府"),
    ("工贸", "冶金企业煤气柜区域泄漏报警和联锁失效", "停用煤气柜区域，完成报警联锁改造并验收", "人民政府"),
    ("矿山", "非煤矿山无证开采、一证多采问题突出", "关闭无证矿点，重新核发采矿许可", "人民政府"),
    ("危化", "盐化工企业氯气输送管线腐蚀严重", "更换腐蚀管线，增设泄漏检测和紧急切断", "人民政府"),
]
SOURCES = ["查阅资料", "个别谈话", "现场检查", "暗查暗访", "群众举报", "召开座谈会"]
EVIDENCE = ["现场照片", "检查记录", "谈话笔录", "文件复印件", "视频资料", "检测报告"]

def m(t, key):
    return t.get("milestones", {}).get(key)

problems, hazards, leads, reports, lookbacks = [], [], [], [], []

# Hazards at every grade, each listed where its grade says (policy default table).
HAZARD_PLAN = {
    "T2021-yichang": (2, "province", "省安委会", "省应急管理厅", "枝江市人民政府", "沿江化工企业储罐区", True),
    "T2023-huangshi": (3, "city", "黄石市安委会", "黄石市应急管理局", "大冶市人民政府", "大冶市尾矿库坝体", True),
    "T2025-ezhou": (1, "province", "省安委会", "省应急管理厅", "华容区人民政府", "冶金企业煤气柜区域", False),
    "T2025-enshi": (4, "county", "利川市安委会", "利川市应急管理局", "利川市某矿业公司", "利川市无证开采矿点", False),
    "T2026-huangshi": (3, "city", "黄石市安委会", "黄石市应急管理局", "阳新县人民政府", "阳新县非煤矿山采空区", False),
}
MAJOR_TOURS = {"T2021-yichang": 0, "T2023-huangshi": 1, "T2025-ezhou": 2, "T2025-enshi": 3, "T2026-huangshi": 3}

def yaml_date(d):
    return d.isoformat() if d else None

for t in tours:
    tid, reg = t["id"], t["region"]
    rname = regions[reg]["name"]
    start, end = D(str(t["start"])), D(str(t["end"]))
    fb = m(t, "feedback")
    fb = D(str(fb)) if fb else None
    res = m(t, "rectification_results")
    res = D(str(res)) if res else None
    n = rng.randint(6, 8)
    picks = rng.sample(POOL, n)
    seq = 0
    def new_id():
        global seq
        seq += 1
        return f"P{tid[1:5]}-{reg}-{seq:02d}"
    if tid in MAJOR_TOURS:
        ind, desc, meas, suffix = MAJOR[MAJOR_TOURS[tid]]
        picks = [(ind, desc, meas, suffix, "major")] + [p + ("",) for p in picks[:-1]]
    else:
        picks = [p + ("",) for p in picks]
    for k, (ind, desc, meas, suffix, grav) in enumerate(picks):
        pid = new_id()
        found = plus(start, rng.randint(0, (end - start).days))
        p = {"id": pid, "tour": tid, "found": found, "source": rng.choice(SOURCES), "category": CATEGORY.get(ind, ind),
             "gravity": grav or rng.choice(["ordinary"] * 3 + ["important"]),
             "description": f"{rname}{desc}" if k % 3 == 0 else desc,
             "evidence": sorted(rng.sample(EVIDENCE, rng.randint(1, 3)))}
        if p["gravity"] in ("major", "important"):  # IV.2.3: important matters are reported too (R103)
            p["reported_to_committee"] = plus(found, 1)
        unit = f"{rname}{suffix}"
        p.update({"unit": unit, "person": person(), "leader": person(), "measures": meas})
        kind = rng.random()
        if tid == "T2026-xiaogan":
            # The tour ended 2026-11-13; no feedback yet: rows wait for the plan, except items fixed at once.
            if k < 2:
                p["mode"] = "at_once"
                p["on_site"] = True
                p["state"] = "closed"
                p["completed"] = p["verified"] = p["closed"] = found
                p["verified_by"] = "巡查组"
            else:
                for key in ("unit", "person", "leader", "measures"):
                    del p[key]
                p["state"] = "not_started"
            problems.append(p)
            continue
        if grav != "major" and kind < 0.2:
            # Fixed at once, closed the same day with evidence and the team's verification.
            p["mode"] = "at_once"
            p["on_site"] = True
            done = min(plus(found, rng.randint(0, 1)), end)
            p.update({"state": "closed", "completed": done, "verified": done, "verified_by": "巡查组", "closed": done,
                      "history": [{"state": "done", "date": done}, {"state": "closed", "date": done}]})
        elif grav != "major" and kind < 0.35:
            # Ongoing work: stage targets, the next one in the future; never overdue while they hold.
            p["mode"] = "ongoing"
            first_due = plus(fb, 120)
            stages = [{"due": first_due, "target": "完成阶段任务", "met": plus(first_due, -rng.randint(3, 20))}]
            if plus(first_due, 365) < AS_OF:
                d2 = plus(first_due, 365)
                stages.append({"due": d2, "target": "巩固提升", "met": plus(d2, -rng.randint(3, 20))})
            stages.append({"due": D("2027-12-31"), "target": "形成长效机制"})
            p["stages"] = [s for s in stages if s.get("met") is None or s["met"] <= AS_OF]
            p["state"] = "in_progress"
            p["history"] = [{"state": "in_progress", "date": plus(fb, 5)}]
        else:
            p["mode"] = "by_date"
            if res:
                due = plus(res, -rng.randint(5, 20))
                done = plus(due, -rng.randint(1, 15))
                p["due"] = due
                if rng.random() < 0.15:
                    # Extension asked for before the original date, approved, still before the results.
                    orig = plus(due, -20)
                    p["due"] = orig
                    p["extensions"] = [{"requested": plus(orig, -7), "approved": plus(orig, -3), "until": due,
                                        "approval": f"{rname}安委办"}]
                verified = plus(done, rng.randint(1, 10))
                closed = plus(verified, rng.randint(1, 20))
                p["completed"] = done
                hist = [{"state": "in_progress", "date": plus(fb, 3)}, {"state": "done", "date": done}]
                if closed <= AS_OF and (res < D("2025-11-01") or rng.random() < 0.5):
                    p.update({"state": "closed", "verified": verified, "verified_by": f"{rname}安委办", "closed": closed})
                    hist.append({"state": "closed", "date": closed})
                else:
                    p["state"] = "done"
                p["history"] = hist
            else:
                # T2026-huangshi: results not reported yet.
                p["due"] = D("2026-12-31") if k % 2 else D("2026-10-20")
                if k % 2 == 0:
                    p["completed"] = D("2026-10-15")
                    p["state"] = "done"
                else:
                    p["state"] = "in_progress"
        if tid in HAZARD_PLAN and grav == "major":
            p["hazard"] = f"H{tid[1:5]}-{reg}"
        problems.append(p)

    # Planted R106: an item of the irregular 2026 tour, past its due date, still in progress.
    if tid == "T2026-huangshi":
        problems.append({"id": "P2026-huangshi-09", "tour": tid, "found": D("2026-05-19"), "source": "现场检查",
                         "gravity": "important", "reported_to_committee": D("2026-05-20"),
                         "description": "非煤矿山企业未按规定配备专职安全管理人员",
                         "evidence": ["检查记录"], "mode": "by_date", "unit": "黄石市应急管理局", "person": "陈晓东",
                         "leader": "王建国", "measures": "限期配齐专职安全管理人员", "due": D("2026-10-31"),
                         "state": "in_progress", "history": [{"state": "in_progress", "date": D("2026-07-06")}]})

    # Public reports: received on site, verified within days, answered.
    for q in range(rng.randint(1, 2) if tid != "T2026-huangshi" else 3):
        rid = f"Q{tid[1:5]}-{reg}-{q + 1}"
        rec = weekday(plus(start, rng.randint(0, max(0, (end - start).days - 3))))
        r = {"id": rid, "tour": tid, "summary": rng.choice(["举报企业违规储存危化品", "举报非法采砂", "举报工地夜间违规施工",
                                                             "举报小区消防通道被占用", "举报矿山越界开采", "举报渣土车超载"]),
             "received": rec}
        if tid == "T2026-xiaogan" and q == 0:
            r.update({"received": D("2026-11-10"), "verified": D("2026-11-17")})  # answer not due yet
        elif tid == "T2026-huangshi" and q == 2:
            rid = r["id"] = "Q2026-huangshi-3"
            r.update({"received": D("2026-05-13"), "verified": D("2026-05-20")})  # planted R402
        else:
            ver = weekday(plus(rec, rng.randint(2, 5)))
            ans = weekday(plus(ver, rng.randint(2, 8)))
            r.update({"verified": ver, "announced": ans, "answered": ans,
                      "result": rng.choice(["情况属实，已责令整改", "部分属实，已督促整改", "经核查不属实，已答复举报人"])})
        reports.append(r)

    # Leads: sorted, then transferred to the body their nature calls for; feedback within 3 months.
    if fb and (rng.random() < 0.45 or tid == "T2026-huangshi"):
        natures = [("discipline", "discipline_commission", "监管人员履职不力、检查走过场"),
                   ("duty_crime", "supervision_commission", "公职人员涉嫌收受企业财物"),
                   ("crime", "judicial", "企业负责人涉嫌非法采矿"),
                   ("organisation", "organisation_department", "干部选拔任用程序不规范"),
                   ("other", "competent_department", "企业违规分包转包")]
        count = 2 if tid == "T2026-huangshi" else 1
        for j in range(count):
            nat, rec, summ = natures[rng.randrange(len(natures))] if j == 0 else natures[0]
            lid = f"X{tid[1:5]}-{reg}-{j + 1}" if tid != "T2026-huangshi" else f"X2026-huangshi-{j + 1}"
            cls = plus(fb, rng.randint(1, 5))
            tr = plus(cls, rng.randint(2, 6))
            lead = {"id": lid, "tour": tid, "summary": summ, "nature": nat,
                    "cadre_level": rng.choice(["city", "county"]), "classified": cls, "recipient": rec, "transferred": tr}
            if lid == "X2026-huangshi-2":
                lead.update({"classified": D("2026-07-06"), "transferred": D("2026-07-10")})  # planted R303
            elif plus(tr, 80) <= AS_OF:
                lead.update({"feedback": plus(tr, rng.randint(30, 80)), "outcome": rng.choice(
                    ["给予党内警告处分", "诫勉谈话", "移送起诉", "责令作出书面检查", "立案调查"])})
            leads.append(lead)

for tid, (grade, level, by, sup, unit, name, delisted) in HAZARD_PLAN.items():
    t = next(t for t in tours if t["id"] == tid)
    fb = D(str(m(t, "feedback")))
    h = {"id": f"H{tid[1:5]}-{t['region']}", "region": t["region"], "tour": tid, "name": name, "grade": grade,
         "level": level, "listed_by": by, "supervisor": sup, "unit": unit,
         "notice": {"number": f"{by[:-3] if by.endswith('安委会') else by}安委办督〔{fb.year}〕{grade}号", "date": plus(fb, 10)},
         "deadline": plus(fb, 400), "published": plus(fb, 12),
         "plan": ["goal", "methods", "funds", "organisation", "time_limit", "safety_measures"],
         "five_in_place": ["responsibility", "measures", "funds", "deadline", "emergency_plan"],
         "progress": [plus(fb, 100), plus(fb, 200)]}
    if not delisted:
        h["deadline"] = D("2027-06-30")
    if delisted:
        h.update({"accepted": plus(fb, 300), "review_requested": plus(fb, 302), "reviewed": plus(fb, 309),
                  "delisted": plus(fb, 315), "delisting_published": plus(fb, 317)})
    hazards.append(h)

lookbacks.append({"id": "LB2026-ezhou", "region": "ezhou", "tour": "T2025-ezhou", "trigger": "问题突出，重大事故隐患挂牌督办",
                  "decided": D("2025-12-26"), "start": D("2026-01-19"), "end": D("2026-01-21"),
                  "scope": "重大问题、挂牌隐患和逾期问题",
                  "items": [{"problem": next(p["id"] for p in problems if p["tour"] == "T2025-ezhou" and p["gravity"] == "major"),
                             "result": "not_fixed"},
                            {"hazard": "H2025-ezhou", "result": "not_fixed"}] +
                           [{"problem": p["id"], "result": "fixed"} for p in problems
                            if p["tour"] == "T2025-ezhou" and p["gravity"] != "major"][:3]})

# A relapse: a closed 2021 Wuhan problem found again in 2025, recorded as a new problem.
old = next(p for p in problems if p["tour"] == "T2021-wuhan" and p["state"] == "closed")
new = next(p for p in problems if p["tour"] == "T2025-wuhan" and p.get("mode") == "by_date")
new["relapse_of"] = old["id"]

# Proof of rectification (closure needs it, V.2), apart from the evidence kept on site (IV.2.3).
for p in problems:
    if p.get("state") in ("done", "closed"):
        p["proof"] = ["整改报告", "现场复查照片"] if p.get("mode") != "at_once" else ["现场复查照片"]
# Ongoing items whose stage targets so far are met are written 基本完成 by offices.
for p in problems:
    if p.get("mode") == "ongoing" and all(s.get("met") for s in p["stages"] if s["due"] <= AS_OF) \
            and any(s.get("met") for s in p["stages"]):
        p["state"] = "basically_done"
        last_met = max(s["met"] for s in p["stages"] if s.get("met"))
        p["history"].append({"state": "basically_done", "date": last_met})
# Counties inside the region (regions.yaml lists Wuhan's and Huangshi's).
COUNTIES = {"wuhan": ["江岸区", "青山区", "洪山区", "东西湖区", "江夏区", "黄陂区"],
            "huangshi": ["西塞山区", "下陆区", "阳新县", "大冶市"]}
for i, p in enumerate(problems):
    reg = next(t["region"] for t in tours if t["id"] == p["tour"])
    if reg in COUNTIES:
        p["county"] = COUNTIES[reg][i % len(COUNTIES[reg])]
for i, r in enumerate(reports):
    reg = next(t["region"] for t in tours if t["id"] == r["tour"])
    if reg in COUNTIES:
        r["county"] = COUNTIES[reg][i % len(COUNTIES[reg])]
# A verification that failed, then a passed one before closure (V.2).
for p in problems:
    if p["tour"] == "T2025-wuhan" and p.get("state") == "closed" and p.get("mode") == "by_date":
        first = plus(p["completed"], 1)
        if first < p["verified"]:
            p["verifications"] = [{"date": first, "by": "武汉市安委办", "result": "failed"}]
            break
# A problem that came from a public report (its id), on the tours that received reports.
for tid in ("T2025-wuhan", "T2026-huangshi"):
    rep = next(r for r in reports if r["tour"] == tid)
    prob = next(p for p in problems if p["tour"] == tid and p["gravity"] == "ordinary")
    prob["source"] = "群众举报"
    prob["from_report"] = rep["id"]
# Hazards: when found and when listed (a later step); the 2026 Xiaogan tour found one, not listed yet.
for h in hazards:
    t = next(t for t in tours if t["id"] == h["tour"])
    h["found"] = D(str(t["end"]))
    h["listed"] = h["notice"]["date"]
hazards.append({"id": "H2026-xiaogan", "region": "xiaogan", "county": None, "tour": "T2026-xiaogan",
                "name": "某化工企业液氯储罐区未设置泄漏报警联锁", "grade": 3, "found": D("2026-11-10"),
                "unit": "孝感市某化工有限公司"})
del hazards[-1]["county"]
# Leads: when found; the 2026 Xiaogan tour found one that is still being sorted (not transferred);
# a lead on law enforcement goes to the political-legal commission (IV.2.6 copies results to it).
for l in leads:
    t = next(t for t in tours if t["id"] == l["tour"])
    l["found"] = D(str(t["end"]))
leads.append({"id": "X2026-xiaogan-1", "tour": "T2026-xiaogan", "summary": "执法人员对非法储存危化品问题以罚代管",
              "nature": "political_legal", "cadre_level": "county", "found": D("2026-11-12")})
pl = next(l for l in leads if l["tour"] == "T2025-wuhan") if any(l["tour"] == "T2025-wuhan" for l in leads) else None
if pl is None:
    t = next(t for t in tours if t["id"] == "T2025-wuhan")
    fbw = D(str(m(t, "feedback")))
    leads.append({"id": "X2025-wuhan-1", "tour": "T2025-wuhan", "summary": "基层执法部门对违法建设消防隐患查处不力",
                  "nature": "political_legal", "cadre_level": "county", "found": D(str(t["end"])),
                  "classified": plus(fbw, 2), "recipient": "political_legal_commission", "transferred": plus(fbw, 5),
                  "feedback": plus(fbw, 60), "outcome": "责令整改，约谈相关负责人"})

class Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data):
        return True
Dumper.add_representer(dt.date, lambda d, v: d.represent_scalar("tag:yaml.org,2002:timestamp", v.isoformat()))

def write(kind, items, comment):
    text = f"# {comment}\n# Generated by scripts/gen_example_ledger.py (fixed seed); edit the script, not this file.\n"
    text += yaml.dump({"kind": kind, "version": 1, kind: items}, Dumper=Dumper, allow_unicode=True, sort_keys=False,
                      width=110, default_flow_style=None)
    (root / f"{kind}.yaml").write_text(text, encoding="utf-8")

write("problems", problems, "问题台账：2021—2026 年各次省级巡查发现的问题及整改情况")
write("hazards", hazards, "挂牌督办的重大事故隐患（一级至四级，各由相应级别挂牌）")
write("leads", leads, "问题线索：分类处置后按性质移交")
write("public_reports", reports, "群众举报：核查、公布结果、答复")
write("lookbacks", lookbacks, "回头看")
print(f"{len(problems)} problems, {len(hazards)} hazards, {len(leads)} leads, {len(reports)} public reports, "
      f"{len(lookbacks)} look-back")
