#include <doctest/doctest.h>

#include "test_util.hpp"

#include <xuncha/load/loader.hpp>

#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace xuncha;
using xuncha::test::load_texts;
using xuncha::test::rule_ids;

namespace {
const char* regions = R"(kind: regions
version: 1
regions:
  - id: wuhan
    name: 武汉市
    class: city
    counties: 13
    days: 10
  - id: tianmen
    name: 天门市
    class: direct_city
    counties: 0
)";

Diagnostic only(const load::LoadResult& r) {
  REQUIRE(r.diagnostics.size() == 1);
  return r.diagnostics.front();
}
}  // namespace

TEST_CASE("a valid document loads with marks") {
  auto r = load_texts({{"r.yaml", regions}});
  CHECK(r.ok());
  REQUIRE(r.data.regions.size() == 2);
  CHECK(r.data.regions[0].days == 10);
  CHECK(r.data.regions[1].cls == RegionClass::direct_city);
  auto loc = r.data.locate(r.data.regions[1].src.field("counties"));
  CHECK(loc.file == "r.yaml");
  CHECK(loc.line == 12);
  CHECK(loc.column == 15);
}

TEST_CASE("BOM and CRLF are accepted") {
  std::string text = "\xEF\xBB\xBF";
  for (char c : std::string(regions)) {
    if (c == '\n') text += '\r';
    text += c;
  }
  auto r = load_texts({{"r.yaml", text}});
  CHECK(r.ok());
  CHECK(r.data.regions.size() == 2);
}

TEST_CASE("syntax error has a position") {
  auto d = only(load_texts({{"s.yaml", "kind: regions\nversion: 1\nregions: [a, b\n"}}));
  CHECK(d.rule == "L001");
  CHECK(d.where.line >= 3);
}

TEST_CASE("wrong type, missing field, unknown field with did-you-mean") {
  auto r = load_texts({{"x.yaml", "kind: regions\nversion: 1\nregions:\n  - id: a\n    name: A\n    class: city\n    counties: many\n"
                                  "  - id: b\n    name: B\n    counties: 1\n"
                                  "  - id: c\n    name: C\n    class: city\n    countys: 5\n    counties: 2\n"}});
  CHECK(rule_ids(r.diagnostics) == std::vector<std::string>{"L002", "L003", "L004"});
  CHECK(r.diagnostics[0].where.line == 7);
  CHECK(r.diagnostics[0].where.column == 15);
  CHECK(r.diagnostics[2].message.en.find("did you mean 'counties'") != std::string::npos);
  CHECK(r.diagnostics[2].where.line == 14);
}

TEST_CASE("duplicate ids point at both places, across files") {
  auto r = load_texts({{"a.yaml", regions}, {"b.yaml", regions}});
  REQUIRE(r.diagnostics.size() == 2);
  CHECK(r.diagnostics[0].rule == "L005");
  CHECK(r.diagnostics[0].where.file == "b.yaml");
  REQUIRE(r.diagnostics[0].related.size() == 1);
  CHECK(r.diagnostics[0].related[0].where.file == "a.yaml");
}

TEST_CASE("a planned tour repeated with its team by the team plan is one tour; other repeats are duplicates") {
  const std::string schedule = "kind: schedule\nversion: 1\nfrom: 2027\ntours:\n"
                               "  - {id: P1, region: wuhan, year: 2027, team_slot: 1, start: 2027-03-01, end: 2027-03-10}\n";
  const std::string plan = "kind: teams\nversion: 1\nteams:\n  - {id: G2027-1}\n---\n"
                           "kind: schedule\nversion: 1\nfrom: 2027\ntours:\n"
                           "  - {id: P1, region: wuhan, year: 2027, team_slot: 1, team: G2027-1, start: 2027-03-01, end: 2027-03-10}\n";
  auto r = load_texts({{"r.yaml", regions}, {"schedule.yaml", schedule}, {"plan.yaml", plan}});
  CHECK(r.diagnostics.empty());
  REQUIRE(r.data.tours.size() == 1);
  CHECK(r.data.tours[0].team == "G2027-1");
  CHECK(r.data.tours[0].team_slot == 1);
  CHECK(r.data.tours[0].plan_from == 2027);
  // Moved by a day: not the same tour.
  std::string moved = plan;
  moved.replace(moved.find("start: 2027-03-01"), 17, "start: 2027-03-02");
  auto m = load_texts({{"r.yaml", regions}, {"schedule.yaml", schedule}, {"plan.yaml", moved}});
  CHECK(rule_ids(m.diagnostics) == std::vector<std::string>{"L005"});
}

TEST_CASE("unknown references suggest the closest id") {
  auto r = load_texts({{"u.yaml", "kind: units\nversion: 1\nunits:\n  - {id: yjt, name: 应急厅, committee_member: true}\n"
                                  "---\nkind: people\nversion: 1\npeople:\n  - {id: p1, name: 张三, unit: yjtt}\n"}});
  auto d = only(r);
  CHECK(d.rule == "L006");
  CHECK(d.message.en == "unknown unit 'yjtt' (did you mean 'yjt'?)");
  CHECK(d.where.line == 9);
}

TEST_CASE("a team role's 'did you mean' offers people who fit the role") {
  // l04 is one letter from d04 (a deputy) and from l01 (a bureau-level cadre): the leader slot
  // offers l01; a deputy slot offers d04; an expert slot an expert.
  std::string people =
      "kind: units\nversion: 1\nunits:\n  - {id: yjt, name: 应急厅, committee_member: true}\n"
      "---\nkind: people\nversion: 1\npeople:\n"
      "  - {id: l01, name: 甲, unit: yjt, rank: 正厅}\n"
      "  - {id: d04, name: 乙, unit: yjt, rank: 正处}\n"
      "  - {id: e04, name: 丙, unit: yjt, expert: {pool_id: ZJ-1, field: 化工}}\n";
  auto with = [&](const std::string& team) {
    return load_texts({{"p.yaml", people + "---\nkind: teams\nversion: 1\nteams:\n  - " + team + "\n"}});
  };
  auto leader = only(with("{id: G1, leader: l04}"));
  CHECK(leader.message.en == "unknown person 'l04' (did you mean 'l01'?)");
  auto deputy = only(with("{id: G1, deputies: [l04]}"));
  CHECK(deputy.message.en == "unknown person 'l04' (did you mean 'd04'?)");
  auto expert = only(with("{id: G1, experts: [x04]}"));
  CHECK(expert.message.en == "unknown person 'x04' (did you mean 'e04'?)");
}

TEST_CASE("dates: impossible and non-ISO") {
  auto r = load_texts({{"t.yaml", std::string(regions) + "---\nkind: tours\nversion: 1\ntours:\n"
                                                         "  - {id: t1, region: wuhan, start: 2026-02-30}\n"
                                                         "  - {id: t2, region: wuhan, start: 2026/3/1}\n"}});
  REQUIRE(r.diagnostics.size() == 2);
  CHECK(r.diagnostics[0].rule == "L007");
  CHECK(r.diagnostics[0].message.en.find("not a real date") != std::string::npos);
  CHECK(r.diagnostics[1].message.en.find("ISO date") != std::string::npos);
}

TEST_CASE("encodings: GBK is named, UTF-16 refused, NUL refused") {
  // "武汉" in GBK is CE E4 BA BA.
  auto gbk = only(load_texts({{"g.yaml", "kind: regions\nname: \xCE\xE4\xBA\xBA\n"}}));
  CHECK(gbk.rule == "L008");
  CHECK(gbk.where.line == 2);
  CHECK(gbk.where.column == 7);
  CHECK(gbk.message.en.find("GBK/GB18030") != std::string::npos);
  CHECK(only(load_texts({{"u.yaml", std::string("\xFF\xFEk\0", 4)}})).message.en.find("UTF-16") != std::string::npos);
  CHECK(only(load_texts({{"n.yaml", std::string("kind: x\0", 8)}})).message.en.find("NUL") != std::string::npos);
}

TEST_CASE("empty, unknown kind, unknown version") {
  CHECK(only(load_texts({{"e.yaml", ""}})).rule == "L009");
  CHECK(only(load_texts({{"e.yaml", "  \n# only a comment\n"}})).rule == "L009");
  auto k = only(load_texts({{"k.yaml", "kind: region\nversion: 1\n"}}));
  CHECK(k.rule == "L010");
  CHECK(k.message.en.find("did you mean 'regions'") != std::string::npos);
  CHECK(only(load_texts({{"v.yaml", "kind: regions\nversion: 2\nregions: []\n"}})).rule == "L011");
}

TEST_CASE("duplicate keys and alias bombs are refused, merge keys work") {
  CHECK(only(load_texts({{"d.yaml", "kind: regions\nversion: 1\nversion: 1\nregions: []\n"}})).rule == "L014");
  std::string bomb = "kind: teams\nversion: 1\na: &a [x, x, x, x, x, x, x, x, x, x]\n";
  const char* prev = "a";
  std::vector<std::string> names{"b", "c", "d", "e", "f", "g", "h", "i"};
  for (auto& n : names) {
    bomb += n + ": &" + n + " [*" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev +
            ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + "]\n";
    prev = n.c_str();
  }
  bomb += "teams:\n  - id: t\n    members: *i\n";
  auto r = load_texts({{"bomb.yaml", bomb}});
  CHECK_FALSE(r.ok());  // unknown fields a..i, and no expansion explosion
  auto m = load_texts({{"m.yaml", "kind: regions\nversion: 1\nbase: &base {class: city, counties: 3}\nregions:\n"
                                  "  - {<<: *base, id: a, name: A}\n"}});
  CHECK(rule_ids(m.diagnostics) == std::vector<std::string>{"L004"});  // 'base' is not a field
  REQUIRE(m.data.regions.size() == 1);
  CHECK(m.data.regions[0].counties == 3);
}

TEST_CASE("deep nesting stops cleanly") {
  std::string deep = "kind: regions\nversion: 1\nregions: " + std::string(100000, '[') + "\n";
  auto r = load_texts({{"deep.yaml", deep}});
  REQUIRE_FALSE(r.ok());
  CHECK((r.diagnostics.back().rule == "L015" || r.diagnostics.back().rule == "L001"));
}

TEST_CASE("output is identical for every job count") {
  std::vector<std::pair<std::string, std::string>> files;
  for (int i = 0; i < 12; ++i)
    files.emplace_back("f" + std::to_string(i) + ".yaml",
                       "kind: regions\nversion: 1\nregions:\n  - {id: r" + std::to_string(i % 5) + ", name: R, class: city, counties: 1}\n");
  auto a = load_texts(files, 1), b = load_texts(files, 4);
  REQUIRE(a.diagnostics.size() == b.diagnostics.size());
  for (std::size_t i = 0; i < a.diagnostics.size(); ++i) {
    CHECK(a.diagnostics[i].where == b.diagnostics[i].where);
    CHECK(a.diagnostics[i].message == b.diagnostics[i].message);
  }
  CHECK(a.data.regions.size() == 5);
}

TEST_CASE("policy overrides and validation") {
  auto r = load_texts({{"p.yaml", "kind: policy\nversion: 1\ncoverage_years: 4\nteam_size: {min: 4, max: 8}\n"
                                  "days_on_site: {forestry: 9}\nrules: {C104: off}\n"}});
  CHECK(r.ok());
  CHECK(r.data.policy.coverage_years == 4);
  CHECK(r.data.policy.team_min == 4);
  CHECK(r.data.policy.days_forestry == 9);
  CHECK(r.data.policy.rule_severity.at("C104") == Severity::off);
  auto bad = load_texts({{"p.yaml", "kind: policy\nversion: 1\ncoverage_years: -3\nrules: {C1O4: off}\n"}});
  CHECK(rule_ids(bad.diagnostics) == std::vector<std::string>{"L013", "L013"});
}

TEST_CASE("policy assessment: defaults, overrides, recipients as keys or names, none is an error") {
  auto def = load_texts({{"p.yaml", "kind: policy\nversion: 1\n"}});
  CHECK(def.data.policy.assessment.base_score == 100);
  CHECK(def.data.policy.assessment.recipients == std::vector<std::string>{"organisation", "discipline", "political_legal"});
  auto r = load_texts({{"p.yaml", "kind: policy\nversion: 1\nassessment:\n  base_score: 90\n  per_repeat: 8\n"
                                  "  recipients: [organisation, 省应急管理厅]\n"}});
  REQUIRE(r.ok());
  CHECK(r.data.policy.assessment.base_score == 90);
  CHECK(r.data.policy.assessment.per_repeat == 8);
  CHECK(r.data.policy.assessment.per_overdue == 2);
  CHECK(r.data.policy.assessment.recipients == std::vector<std::string>{"organisation", "省应急管理厅"});
  auto none = load_texts({{"p.yaml", "kind: policy\nversion: 1\nassessment:\n  recipients: []\n"}});
  REQUIRE(none.diagnostics.size() == 1);
  CHECK(none.diagnostics[0].message.en == "assessment.recipients needs at least one recipient");
  auto typo = load_texts({{"p.yaml", "kind: policy\nversion: 1\nassessment: {per_overdu: 3}\n"}});
  CHECK(rule_ids(typo.diagnostics) == std::vector<std::string>{"L004"});
}

TEST_CASE("policy batches may not overlap, and there is at least one") {
  auto ovl = load_texts({{"p.yaml", "kind: policy\nversion: 1\nbatches:\n  - {name: spring, from: 03-01, to: 06-30}\n"
                                    "  - {name: summer, from: 06-30, to: 07-31}\n"}});
  REQUIRE(ovl.diagnostics.size() == 1);
  CHECK(ovl.diagnostics[0].where.line == 5);
  CHECK(ovl.diagnostics[0].message.en ==
        "batch 'summer' (06-30 to 07-31) overlaps batch 'spring' (03-01 to 06-30); batches cannot share days");
  auto none = load_texts({{"p.yaml", "kind: policy\nversion: 1\nbatches: []\n"}});
  REQUIRE(none.diagnostics.size() == 1);
  CHECK(none.diagnostics[0].message.en == "batches cannot be empty: at least one batch window is needed");
  auto fine = load_texts({{"p.yaml", "kind: policy\nversion: 1\nbatches:\n  - {name: a, from: 03-01, to: 06-29}\n"
                                     "  - {name: b, from: 06-30, to: 07-31}\n"}});
  CHECK(fine.ok());
}

TEST_CASE("reporting stops after 1000 errors in one file, and says so") {
  std::string text = "kind: regions\nversion: 1\nregions: [";
  for (int i = 0; i < 1500; ++i) text += i ? ",x" : "x";
  text += "]\n";
  auto r = load_texts({{"many.yaml", text}, {"ok.yaml", "kind: regions\nversion: 1\nregions: [x]\n"}});
  auto ids = rule_ids(r.diagnostics);
  CHECK(std::count(ids.begin(), ids.end(), "L002") == 1001);  // 1000 here, 1 in the other file
  REQUIRE(std::count(ids.begin(), ids.end(), "L015") == 1);
  CHECK(r.diagnostics.front().rule == "L015");
  CHECK(r.diagnostics.front().message.en == "more than 1000 errors in this file; stopped reading it: fix those first");
}

TEST_CASE("batch windows on 02-29 never widen in a year without one") {
  BatchWindow b{"feb", 2, 29, 2, 29};
  CHECK(b.first_day(2028) == Date{date::year{2028} / 2 / 29});
  CHECK(b.last_day(2028) == Date{date::year{2028} / 2 / 29});
  CHECK(b.first_day(2027) == Date{date::year{2027} / 3 / 1});  // starts the day after 02-28
  CHECK(b.last_day(2027) == Date{date::year{2027} / 2 / 28});   // ends on 02-28: empty that year
  BatchWindow spring;  // 03-01 to 06-30
  CHECK(spring.first_day(2027) == Date{date::year{2027} / 3 / 1});
  CHECK(spring.last_day(2027) == Date{date::year{2027} / 6 / 30});
}

TEST_CASE("documents beside the data: a few named, the rest counted in one note") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("xuncha-unread-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "regions.yaml") << "kind: regions\nversion: 1\nregions: []\n";
  for (int i = 0; i < 12; ++i) std::ofstream(dir / ("notice" + std::to_string(10 + i) + ".txt")) << "x";
  std::vector<Diagnostic> diags;
  auto files = load::expand_paths({dir.string()}, diags, {});
  fs::remove_all(dir);
  CHECK(files.size() == 1);
  REQUIRE(diags.size() == 6);  // five named, one for the other seven
  CHECK(diags[0].where.file.ends_with("notice10.txt"));
  CHECK(diags[5].where.file == dir.string());
  CHECK(diags[5].message.en.starts_with("7 more files that are not YAML were not read (notice15.txt, notice16.txt, "
                                        "notice17.txt, ...)"));
  for (const auto& d : diags) CHECK(d.severity == Severity::info);
}
