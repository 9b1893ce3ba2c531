// JSON Schemas (draft-07) of every json output, printed by `xuncha schema --output CMD`.
#include "app/output_schemas.hpp"

#include "render/json.hpp"

#include <map>

namespace xuncha::cli {
namespace {

// Pieces shared by several schemas.
constexpr std::string_view defs = R"J({
  "date": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},
  "date_or_null": {"anyOf": [{"$ref": "#/definitions/date"}, {"type": "null"}]},
  "string_or_null": {"type": ["string", "null"]},
  "ids": {"type": "array", "items": {"type": "string"}},
  "diff_tour": {"anyOf": [{"type": "null"}, {"type": "object", "additionalProperties": false,
    "required": ["id", "year", "batch", "team", "start"],
    "properties": {"id": {"type": "string"}, "year": {"type": "integer"}, "batch": {"type": ["string", "null"]},
      "team": {"type": "string", "description": "a schedule: the team number (or id); a team plan: the team record"},
      "start": {"$ref": "#/definitions/date_or_null"}}}]},
  "location": {"type": "object", "required": ["file", "line", "column", "message"],
    "properties": {"file": {"type": "string"}, "line": {"type": "integer", "minimum": 0},
      "column": {"type": "integer", "minimum": 0, "description": "in characters (Unicode code points)"},
      "message": {"type": "string"}}},
  "diagnostic": {"type": "object", "additionalProperties": false,
    "required": ["rule", "slug", "severity", "clause", "file", "line", "column", "path", "subject", "message",
                 "message_zh", "message_en", "related"],
    "properties": {"rule": {"type": "string"}, "slug": {"type": "string"},
      "severity": {"enum": ["error", "warning", "info"]}, "clause": {"type": "string"},
      "file": {"type": "string"}, "line": {"type": "integer", "minimum": 0},
      "column": {"type": "integer", "minimum": 0, "description": "in characters (Unicode code points), 1-based; 0 when unknown"},
      "path": {"type": "string"}, "subject": {"type": "string"}, "message": {"type": "string"},
      "message_zh": {"type": "string"}, "message_en": {"type": "string"},
      "related": {"type": "array", "items": {"$ref": "#/definitions/location"}}}},
  "summary": {"type": "object", "additionalProperties": false, "required": ["error", "warning", "info"],
    "properties": {"error": {"type": "integer"}, "warning": {"type": "integer"}, "info": {"type": "integer"},
      "suppressed": {"type": "integer", "description": "check: findings left out by inline comments"},
      "baselined": {"type": "integer", "description": "check: known findings accepted by --baseline"}}},
  "change_tours": {"type": "array", "description": "schedules: per region, tours moved, added or dropped; team plans: tours whose team changed",
          "items": {"type": "object", "additionalProperties": false, "required": ["change", "region", "name", "before", "after"],
            "properties": {"change": {"enum": ["moved", "added", "dropped"]}, "region": {"type": "string"}, "name": {"type": "string"},
              "before": {"$ref": "#/definitions/diff_tour"}, "after": {"$ref": "#/definitions/diff_tour"}}}},
  "change_teams": {"type": "array", "items": {"type": "object", "additionalProperties": false,
          "required": ["change", "team", "role", "person", "before", "after"],
          "properties": {"change": {"enum": ["joined", "left", "leader", "team_added", "team_dropped"]}, "team": {"type": "string"},
            "role": {"anyOf": [{"enum": ["leader", "deputies", "liaison", "members", "experts"]}, {"type": "null"}]},
            "person": {"$ref": "#/definitions/string_or_null"}, "before": {"$ref": "#/definitions/string_or_null"},
            "after": {"$ref": "#/definitions/string_or_null"}}}},
  "change_objective": {"type": "object", "additionalProperties": false, "required": ["before", "after"],
          "properties": {"before": {"type": ["integer", "null"]}, "after": {"type": ["integer", "null"]}}},
  "change_summary": {"type": "object", "additionalProperties": false, "required": ["moved", "added", "dropped", "unchanged", "team_changes"],
          "properties": {"moved": {"type": "integer"}, "added": {"type": "integer"}, "dropped": {"type": "integer"},
            "unchanged": {"type": "integer"}, "team_changes": {"type": "integer"}}},
  "plan_changes": {"type": "object", "additionalProperties": false, "description": "--keep: what changed against the earlier plan, as xuncha diff says it",
    "required": ["different", "tours", "teams", "objective", "summary"],
    "properties": {"different": {"type": "boolean"}, "tours": {"$ref": "#/definitions/change_tours"}, "teams": {"$ref": "#/definitions/change_teams"},
      "objective": {"$ref": "#/definitions/change_objective"}, "summary": {"$ref": "#/definitions/change_summary"}}}
})J";

// Each output's own members (the envelope is added to every one).
const std::map<std::string_view, std::string_view>& members() {
  static const std::map<std::string_view, std::string_view> all{
      {"check", R"J({"required": ["summary", "diagnostics"], "properties": {
        "summary": {"$ref": "#/definitions/summary"},
        "coverage": {"type": "array", "items": {"type": "object", "additionalProperties": false,
          "required": ["region", "name", "window", "last_tour_year", "tours_in_window", "due_by", "state_council_years", "status"],
          "properties": {"region": {"type": "string"}, "name": {"type": "string"},
            "window": {"type": "array", "items": {"type": "integer"}, "minItems": 2, "maxItems": 2},
            "last_tour_year": {"type": ["integer", "null"]}, "tours_in_window": {"type": "integer"},
            "due_by": {"type": "integer"}, "state_council_years": {"type": "array", "items": {"type": "integer"}},
            "status": {"enum": ["covered", "due_next_year", "uncovered"]}}}},
        "diagnostics": {"type": "array", "items": {"$ref": "#/definitions/diagnostic"}}}})J"},
      {"teams", R"J({"required": ["summary", "diagnostics"], "properties": {
        "summary": {"$ref": "#/definitions/summary"},
        "teams": {"type": "array", "items": {"type": "object", "additionalProperties": false,
          "required": ["id", "cycle", "size", "leader", "deputies", "liaison", "members", "experts", "tours", "status", "errors", "warnings"],
          "properties": {"id": {"type": "string"}, "cycle": {"type": "string"}, "size": {"type": "integer"},
            "leader": {"$ref": "#/definitions/ids"}, "deputies": {"$ref": "#/definitions/ids"},
            "liaison": {"$ref": "#/definitions/ids"}, "members": {"$ref": "#/definitions/ids"},
            "experts": {"$ref": "#/definitions/ids"}, "tours": {"$ref": "#/definitions/ids"},
            "status": {"enum": ["ok", "info", "warning", "error"]}, "errors": {"type": "integer"},
            "warnings": {"type": "integer"}}}},
        "diagnostics": {"type": "array", "items": {"$ref": "#/definitions/diagnostic"}}}})J"},
      {"teams-suggest", R"J({"required": ["tour", "team", "dated", "gaps", "proposal", "unfilled"], "properties": {
        "tour": {"type": "string"}, "team": {"$ref": "#/definitions/string_or_null"}, "dated": {"type": "boolean"},
        "gaps": {"type": "array", "items": {"type": "object", "additionalProperties": false,
          "required": ["role", "needed", "replaces", "reason", "eligible", "candidates"],
          "properties": {"role": {"enum": ["leader", "deputy", "liaison", "member", "expert"]},
            "needed": {"type": "integer"}, "replaces": {"$ref": "#/definitions/string_or_null"},
            "reason": {"type": "string"}, "eligible": {"type": "integer"},
            "candidates": {"type": "array", "items": {"type": "object", "additionalProperties": false,
              "required": ["id", "name", "unit", "rank", "tours_in_year", "other_team"],
              "properties": {"id": {"type": "string"}, "name": {"type": "string"}, "unit": {"type": "string"},
                "rank": {"type": "string"}, "tours_in_year": {"type": "integer"},
                "other_team": {"$ref": "#/definitions/string_or_null"}}}}}}},
        "proposal": {"type": "array", "items": {"type": "object", "additionalProperties": false,
          "required": ["role", "replaces", "id", "name"],
          "properties": {"role": {"type": "string"}, "replaces": {"$ref": "#/definitions/string_or_null"},
            "id": {"type": "string"}, "name": {"type": "string"}}}},
        "unfilled": {"type": "integer"}}})J"},
      {"deadlines", R"J({"required": ["deadlines"], "properties": {
        "deadlines": {"type": "array", "items": {"type": "object", "additionalProperties": false,
          "required": ["tour", "region", "step", "due", "done", "status", "workdays", "estimated"],
          "properties": {"tour": {"type": "string"}, "region": {"type": "string"}, "step": {"type": "string"},
            "due": {"$ref": "#/definitions/date_or_null"}, "done": {"$ref": "#/definitions/date_or_null"},
            "status": {"enum": ["overdue", "due_soon", "pending", "done_late", "done_on_time", "waiting", "not_applicable"]},
            "workdays": {"type": "integer", "description": "working days late, or left (procedure steps count working days)"},
            "estimated": {"type": "boolean", "description": "the count crosses a year the working-day calendar does not cover: weekends only"}}}},
        "ledger_deadlines": {"description": "present when the data holds a problem ledger",
          "type": "array", "items": {"type": "object", "additionalProperties": false,
          "required": ["item", "id", "tour", "region", "due", "done", "status", "days", "unit", "estimated"],
          "properties": {"item": {"type": "string"}, "id": {"type": "string"},
            "tour": {"$ref": "#/definitions/string_or_null"}, "region": {"type": "string"},
            "due": {"$ref": "#/definitions/date"}, "done": {"$ref": "#/definitions/date_or_null"},
            "status": {"enum": ["overdue", "due_soon", "pending", "done_late", "done_on_time", "waiting", "not_applicable"]},
            "days": {"type": "integer", "description": "late, or left, in unit"},
            "unit": {"enum": ["days", "workdays"], "description": "calendar days (problem, stage and hazard due dates by default, lead feedback) or working days (public reports; problems when the policy counts overdue in working days)"},
            "estimated": {"type": "boolean", "description": "the count crosses a year the working-day calendar does not cover: weekends only"}}}}}})J"},
      {"schedule", R"J({"required": ["province", "from", "years", "seed", "feasible"], "properties": {
        "province": {"type": ["string", "null"], "description": "null when the data names no province"}, "from": {"type": "integer"}, "years": {"type": "integer"},
        "seed": {"type": "integer", "minimum": 0}, "feasible": {"type": "boolean"},
        "proven": {"type": "boolean", "description": "infeasible: true when no schedule exists (a proof), false when none was found"},
        "problems": {"type": "array", "items": {"type": "object", "additionalProperties": false,
          "required": ["region", "year", "message"], "properties": {"region": {"$ref": "#/definitions/string_or_null"},
            "year": {"type": ["integer", "null"]}, "message": {"type": "string"}}}},
        "round_years": {"type": "array", "items": {"type": "integer"}},
        "teams": {"type": "integer", "description": "teams per round asked for (--teams or the policy); rounds gives each round's own"},
        "rounds": {"type": "array", "description": "each round year with its teams: more than teams where pinned tours already name more",
          "items": {"type": "object", "additionalProperties": false, "required": ["year", "teams"],
            "properties": {"year": {"type": "integer"}, "teams": {"type": "integer", "minimum": 1}}}},
        "extra_tours": {"type": "array", "items": {"type": "string"},
          "description": "regions given one tour more than coverage needs (only when no schedule of fewest tours was found)"},
        "tours": {"type": "array", "items": {"type": "object", "additionalProperties": false,
          "required": ["id", "region", "name", "year", "batch", "team", "team_id", "start", "end", "days", "pinned", "moved",
                       "report_due", "feedback_assumed", "rectification_plan_due", "rectification_results_due",
                       "estimated_by_weekends"],
          "properties": {"id": {"type": "string"}, "region": {"type": "string"}, "name": {"type": "string"},
            "year": {"type": "integer"}, "batch": {"type": "string"}, "team": {"type": "integer"},
            "team_id": {"$ref": "#/definitions/string_or_null"}, "start": {"$ref": "#/definitions/date_or_null"},
            "end": {"$ref": "#/definitions/date_or_null"}, "days": {"type": "integer"}, "pinned": {"type": "boolean"},
            "moved": {"type": "boolean"}, "report_due": {"$ref": "#/definitions/date_or_null"},
            "feedback_assumed": {"$ref": "#/definitions/date_or_null"},
            "rectification_plan_due": {"$ref": "#/definitions/date_or_null"},
            "rectification_results_due": {"$ref": "#/definitions/date_or_null"},
            "estimated_by_weekends": {"type": "array", "description": "the deadlines of this tour that fall in a year the working-day calendar does not cover, counted with weekends only",
              "items": {"enum": ["report_due", "feedback_assumed", "rectification_plan_due", "rectification_results_due"]}}}}},
        "objective": {"type": "object", "required": ["total", "terms", "weights"]},
        "bounds": {"type": "object", "required": ["best", "sum_of_terms", "lagrangian", "round_load", "risk", "min_work", "min_teams"]},
        "gap_percent": {"type": "number"}, "kept": {"type": "integer"}, "moved": {"type": "integer"},
        "diff": {"$ref": "#/definitions/plan_changes"},
        "explanations": {"type": "array", "items": {"type": "object", "additionalProperties": false,
          "required": ["region", "why", "tours", "needed", "extra"], "properties": {"region": {"type": "string"}, "why": {"type": "string"},
            "tours": {"type": "integer", "description": "tours planned in the horizon"},
            "needed": {"type": "integer", "description": "tours coverage needs"},
            "extra": {"type": "integer", "description": "tours beyond those coverage needs (see extra_tours)"}}}}},
        "if": {"properties": {"feasible": {"const": true}}},
        "then": {"required": ["round_years", "teams", "rounds", "extra_tours", "tours", "objective", "bounds", "gap_percent", "kept", "moved", "explanations"]},
        "else": {"required": ["proven", "problems"]}})J"},
      {"staff", R"J({"required": ["province", "seed", "staff_max_days", "feasible"], "properties": {
        "province": {"type": ["string", "null"], "description": "null when the data names no province"}, "seed": {"type": "integer", "minimum": 0},
        "staff_max_days": {"type": ["integer", "null"], "minimum": 1, "description": "the policy's cap on days on site per person and calendar year (a hard rule of the plan); null: no cap"},
        "feasible": {"type": "boolean"},
        "proven": {"type": "boolean", "description": "infeasible: true when no team plan exists (a proof), false when none was found"},
        "problems": {"type": "array", "items": {"type": "object", "additionalProperties": false,
          "required": ["message", "roles", "needed", "available", "cycle", "from", "to", "day_cap"],
          "properties": {"message": {"type": "string"},
            "roles": {"type": "array", "description": "a shortage of people: the seats of each role that cannot all be filled",
              "items": {"type": "object", "additionalProperties": false, "required": ["role", "needed"],
                "properties": {"role": {"enum": ["leader", "deputy", "liaison", "member", "expert"]}, "needed": {"type": "integer"}}}},
            "needed": {"type": ["integer", "null"], "description": "a shortage: people needed; null when the reason is not a shortage"},
            "available": {"type": ["integer", "null"], "description": "a shortage: people who qualify and are free for those seats"},
            "cycle": {"$ref": "#/definitions/string_or_null"},
            "from": {"$ref": "#/definitions/date_or_null"}, "to": {"$ref": "#/definitions/date_or_null",
              "description": "the period concerned (a tour, or one day teams are on site at once); null: the whole cycle"},
            "day_cap": {"type": ["integer", "null"], "description": "the proof rests on the policy's staff_max_days (people are excluded for it): that cap; null: it does not"}}}},
        "objective": {"type": "integer"}, "lower_bound": {"type": "integer"},
        "terms": {"type": "object", "additionalProperties": false, "required": ["units", "days", "pairs", "fields"],
          "properties": {"units": {"type": "integer"}, "days": {"type": "integer"}, "pairs": {"type": "integer"},
            "fields": {"type": "integer"}}},
        "iterations": {"type": "integer"},
        "teams": {"type": "array", "items": {"type": "object", "additionalProperties": false,
          "required": ["id", "cycle", "team", "deputies", "liaison", "members", "tours"],
          "properties": {"id": {"type": "string"}, "cycle": {"type": "string"}, "team": {"type": "integer"},
            "deputies": {"$ref": "#/definitions/ids"}, "liaison": {"type": "string"}, "members": {"$ref": "#/definitions/ids"},
            "tours": {"type": "array", "items": {"type": "object", "additionalProperties": false,
              "required": ["tour", "region", "start", "end", "record", "leader", "experts", "appointments"],
              "properties": {"tour": {"type": "string"}, "region": {"type": "string"},
                "start": {"$ref": "#/definitions/date"}, "end": {"$ref": "#/definitions/date"},
                "record": {"type": "string"}, "leader": {"type": "string"}, "experts": {"$ref": "#/definitions/ids"},
                "appointments": {"$ref": "#/definitions/ids"}}}}}}},
        "explanations": {"type": "array", "items": {"type": "object", "additionalProperties": false,
          "required": ["team", "tour", "role", "person", "why"],
          "properties": {"team": {"type": "string"}, "tour": {"$ref": "#/definitions/string_or_null"},
            "role": {"enum": ["leader", "deputy", "liaison", "member", "expert"]}, "person": {"type": "string"},
            "why": {"type": "string"}}}},
        "changes": {"type": "array", "items": {"type": "object", "additionalProperties": false,
          "required": ["team", "tour", "role", "before", "after"],
          "properties": {"team": {"type": "string"}, "tour": {"$ref": "#/definitions/string_or_null"},
            "role": {"enum": ["leader", "deputy", "liaison", "member", "expert"]},
            "before": {"$ref": "#/definitions/string_or_null"}, "after": {"type": "string"}}}},
        "diff": {"$ref": "#/definitions/plan_changes"}},
        "if": {"properties": {"feasible": {"const": true}}},
        "then": {"required": ["objective", "lower_bound", "terms", "iterations", "teams"]},
        "else": {"required": ["proven", "problems"]}})J"},
      {"ledger", R"J({"required": ["problems", "by", "summary", "hazards", "hazards_not_listed", "leads_not_transferred",
                     "leads_awaiting_feedback", "public_reports_open", "lookbacks_due"], "properties": {
        "problems": {"type": "array", "items": {"type": "object", "additionalProperties": false,
          "required": ["id", "tour", "region", "found", "gravity", "mode", "description", "measures", "unit", "person",
                       "leader", "due", "extended", "state", "overdue", "late_by", "stage_met", "completed", "verified",
                       "closed", "hazard", "category", "county", "from_report", "repeat_of"],
          "properties": {"id": {"type": "string"}, "tour": {"type": "string"}, "region": {"type": "string"},
            "found": {"$ref": "#/definitions/date"}, "gravity": {"enum": ["ordinary", "important", "major"]},
            "mode": {"enum": ["at_once", "by_date", "ongoing", null]}, "description": {"type": "string"},
            "measures": {"type": "string"}, "unit": {"type": "string"}, "person": {"type": "string"},
            "leader": {"type": "string"}, "due": {"$ref": "#/definitions/date_or_null"}, "extended": {"type": "boolean"},
            "state": {"enum": ["not_started", "in_progress", "basically_done", "done", "closed"]}, "overdue": {"type": "boolean"},
            "late_by": {"type": "integer"}, "stage_met": {"type": "boolean"},
            "completed": {"$ref": "#/definitions/date_or_null"}, "verified": {"$ref": "#/definitions/date_or_null"},
            "closed": {"$ref": "#/definitions/date_or_null"}, "hazard": {"$ref": "#/definitions/string_or_null"},
            "category": {"$ref": "#/definitions/string_or_null"}, "county": {"$ref": "#/definitions/string_or_null"},
            "from_report": {"$ref": "#/definitions/string_or_null", "description": "the public report it came from"},
            "repeat_of": {"description": "the earlier tour's problem it repeats (same region, category and unit: 屡查屡犯), or null",
              "oneOf": [{"type": "null"}, {"type": "object", "additionalProperties": false, "required": ["problem", "tour"],
                "properties": {"problem": {"type": "string"}, "tour": {"type": "string"}}}]}}}},
        "by": {"enum": ["region", "tour", "unit", "grade"]},
        "summary": {"type": "array", "items": {"type": "object", "additionalProperties": false,
          "required": ["key", "problems", "done", "stage_met", "closed", "overdue", "closure_rate"],
          "properties": {"key": {"$ref": "#/definitions/string_or_null", "description": "null on the total line"},
            "problems": {"type": "integer"}, "done": {"type": "integer"}, "stage_met": {"type": "integer"},
            "closed": {"type": "integer"}, "overdue": {"type": "integer"},
            "closure_rate": {"type": "number", "minimum": 0, "maximum": 1}}}},
        "hazards": {"type": "array", "items": {"type": "object", "additionalProperties": false,
          "required": ["id", "region", "name", "grade", "level", "deadline"],
          "properties": {"id": {"type": "string"}, "region": {"type": "string"}, "name": {"type": "string"},
            "grade": {"type": "integer"}, "level": {"enum": ["county", "city", "province", null]},
            "deadline": {"$ref": "#/definitions/date_or_null"}}}},
        "hazards_not_listed": {"type": "array", "items": {"type": "object", "additionalProperties": false,
          "required": ["id", "region", "name", "grade", "found", "listing_due", "late"],
          "properties": {"id": {"type": "string"}, "region": {"type": "string"}, "name": {"type": "string"},
            "grade": {"type": "integer"}, "found": {"$ref": "#/definitions/date_or_null"},
            "listing_due": {"$ref": "#/definitions/date_or_null"}, "late": {"type": "boolean"}}}},
        "leads_not_transferred": {"type": "array", "items": {"type": "object", "additionalProperties": false,
          "required": ["id", "tour", "nature", "transfer_due", "late"],
          "properties": {"id": {"type": "string"}, "tour": {"type": "string"}, "nature": {"type": "string"},
            "transfer_due": {"$ref": "#/definitions/date_or_null"}, "late": {"type": "boolean"}}}},
        "leads_awaiting_feedback": {"type": "array", "items": {"type": "object", "additionalProperties": false,
          "required": ["id", "tour", "nature", "recipient", "transferred", "feedback_due", "late"],
          "properties": {"id": {"type": "string"}, "tour": {"type": "string"}, "nature": {"type": "string"},
            "recipient": {"$ref": "#/definitions/string_or_null"}, "transferred": {"$ref": "#/definitions/date_or_null"},
            "feedback_due": {"$ref": "#/definitions/date_or_null"}, "late": {"type": "boolean"}}}},
        "public_reports_open": {"type": "array", "items": {"type": "object", "additionalProperties": false,
          "required": ["id", "tour", "received", "verify_due", "verified", "answer_due", "late"],
          "properties": {"id": {"type": "string"}, "tour": {"type": "string"}, "received": {"$ref": "#/definitions/date"},
            "verify_due": {"$ref": "#/definitions/date"}, "verified": {"$ref": "#/definitions/date_or_null"},
            "answer_due": {"$ref": "#/definitions/date_or_null"}, "late": {"type": "boolean"}}}},
        "lookbacks_due": {"type": "array", "items": {"type": "object", "additionalProperties": false,
          "required": ["region", "tour", "reason", "from", "to"],
          "properties": {"region": {"type": "string"}, "tour": {"type": "string"}, "reason": {"type": "string"},
            "from": {"$ref": "#/definitions/date"}, "to": {"$ref": "#/definitions/date"}}}}}})J"},
      {"draft", R"J({"required": ["document", "lang", "title", "blocks", "markers"], "properties": {
        "document": {"enum": ["report", "feedback", "announcement", "supervision", "assessment", "annual", "work-plan", "team-plan"]},
        "lang": {"enum": ["zh", "en"]}, "title": {"type": "string"},
        "copies": {"type": "array", "items": {"type": "string"}, "description": "a document sent to several bodies: the recipient of each copy, in order (each copy starts with a recipient paragraph, on a new page after the first)"},
        "generated": {"type": "string", "description": "what was generated rather than read from the data (a team plan made by the staff planner)"},
        "blocks": {"type": "array", "description": "the document's paragraphs and tables, in order (as the docx holds them)",
          "items": {"type": "object", "additionalProperties": false, "required": ["type"],
          "properties": {"type": {"enum": ["paragraph", "table", "chart"], "description": "a chart: an SVG drawing in the html, a table of shaded cells in the docx (rows and fills), with text as its caption and its legend"},
            "legend": {"type": "string"},
            "fills": {"type": "array", "items": {"type": "array", "items": {"enum": ["none", "black", "hatched", "grey"]}}},
            "style": {"enum": ["title", "subtitle", "addressee", "heading1", "heading2", "heading3", "body", "signature", "attachment", "note", "recipient"]},
            "new_page": {"type": "boolean", "description": "the block starts a new page (the next copy)"},
            "text": {"type": "string"},
            "header": {"type": "array", "items": {"type": "string"}},
            "rows": {"type": "array", "items": {"type": "array", "items": {"type": "string"}}}}}},
        "markers": {"type": "array", "items": {"type": "string"}, "description": "【待填写：…】 and 【待补充：…】 left for the team"}}})J"},
      {"draft-check", R"J({"required": ["file", "markers"], "properties": {
        "file": {"type": "string"},
        "markers": {"type": "array", "items": {"type": "object", "additionalProperties": false, "required": ["paragraph", "marker"],
          "properties": {"paragraph": {"type": "integer", "minimum": 1, "description": "1-based, table cells counted"},
            "marker": {"type": "string"}}}}}})J"},
      {"config", R"J({"required": ["config_file", "settings", "policy"], "properties": {
        "config_file": {"$ref": "#/definitions/string_or_null"},
        "settings": {"type": "object",
          "required": ["select", "ignore", "severity", "fail-on", "exclude", "lang", "policy", "calendar", "max-file-size"],
          "propertyNames": {"enum": ["select", "ignore", "severity", "fail-on", "exclude", "lang", "policy", "calendar", "max-file-size"]},
          "additionalProperties": {"type": "object", "additionalProperties": false, "required": ["value", "from"],
            "properties": {"value": {"type": "array", "items": {"type": "string"}},
              "from": {"type": "string", "description": "command line, file:line:column of the configuration, or default"}}}},
        "policy": {"type": ["object", "null"], "description": "the policy in force for the data: setting key (as a kind: policy document writes it) to its value and origin; null when the data could not be read",
          "additionalProperties": {"type": "object", "additionalProperties": false, "required": ["value", "from"],
            "properties": {"value": {"type": "string"},
              "from": {"type": "string", "description": "built-in, or file:line of the policy document that set it last"}}}}}})J"},
      {"diff", R"J({"required": ["kind", "old", "new", "different", "tours", "teams", "objective", "summary"], "properties": {
        "kind": {"enum": ["schedule", "team_plan"]}, "old": {"type": "string"}, "new": {"type": "string"},
        "different": {"type": "boolean", "description": "true when anything differs (the exit code is then 1)"},
        "tours": {"$ref": "#/definitions/change_tours"}, "teams": {"$ref": "#/definitions/change_teams"},
        "objective": {"$ref": "#/definitions/change_objective"}, "summary": {"$ref": "#/definitions/change_summary"}}})J"},
      {"workdays", R"J({"required": ["action"], "properties": {
        "action": {"enum": ["add", "between", "is", "list"]},
        "date": {"$ref": "#/definitions/date"}, "from": {"$ref": "#/definitions/date"}, "to": {"$ref": "#/definitions/date"},
        "result": {"$ref": "#/definitions/date"}, "workdays": {"type": "integer"}, "workday": {"type": "boolean"},
        "kind": {"enum": ["workday", "weekend", "holiday", "makeup_workday"]}, "holiday": {"$ref": "#/definitions/string_or_null"},
        "days": {"type": "array", "items": {"type": "object", "additionalProperties": false,
          "required": ["date", "kind", "holiday"], "properties": {"date": {"$ref": "#/definitions/date"},
            "kind": {"enum": ["workday", "weekend", "holiday", "makeup_workday"]}, "holiday": {"$ref": "#/definitions/string_or_null"}}}}}})J"},
      {"rule", R"J({"required": ["rules"], "properties": {
        "rules": {"type": "array", "items": {"type": "object", "additionalProperties": false,
          "required": ["id", "slug", "severity", "clause", "summary_zh", "summary_en", "explanation_zh", "explanation_en"],
          "properties": {"id": {"type": "string"}, "slug": {"type": "string"},
            "severity": {"enum": ["off", "info", "warning", "error"]}, "clause": {"type": "string"},
            "summary_zh": {"type": "string"}, "summary_en": {"type": "string"},
            "explanation_zh": {"type": "string"}, "explanation_en": {"type": "string"}}}}}})J"},
  };
  return all;
}

}  // namespace

const std::vector<std::string_view>& output_schema_names() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> out;
    for (const auto& [name, body] : members()) out.push_back(name);
    return out;
  }();
  return names;
}

std::optional<std::string> output_schema(std::string_view output) {
  auto it = members().find(output);
  if (it == members().end()) return std::nullopt;
  Json own = Json::parse(it->second);
  Json schema;
  schema["$schema"] = "http://json-schema.org/draft-07/schema#";
  schema["$id"] = "urn:xuncha:output:" + std::string(output) + ":" + std::to_string(json_schema_version);
  schema["title"] = "xuncha " + std::string(output) + " -f json";
  schema["type"] = "object";
  schema["definitions"] = Json::parse(defs);
  Json required = {"tool", "version", "output", "schema_version"};
  if (output_is_dated(output)) required.push_back("as_of");
  for (const auto& r : own["required"]) required.push_back(r);
  schema["required"] = required;
  Json props = {{"tool", {{"const", "xuncha"}}},
                {"version", {{"type", "string"}}},
                {"output", {{"const", std::string(output)}}},
                {"schema_version", {{"const", json_schema_version}}},
                {"as_of", {{"$ref", "#/definitions/date"}, {"description", "--as-of (the date treated as today)"}}}};
  if (!output_is_dated(output)) props.erase("as_of");
  for (const auto& [k, v] : own["properties"].items()) props[k] = v;
  schema["properties"] = props;
  schema["additionalProperties"] = false;
  for (const char* key : {"if", "then", "else"})
    if (own.contains(key)) schema[key] = own[key];
  return json_dump(schema);
}

}  // namespace xuncha::cli
