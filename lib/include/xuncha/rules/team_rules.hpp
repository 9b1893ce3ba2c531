#pragma once
// The team rules' building blocks, shared by the checker (`xuncha teams`, `check`), the
// suggestion search (`teams --suggest`) and the team-plan generator (`xuncha staff`): one
// definition of each qualification, the conflict-of-interest test and the overlap test.
#include <string>
#include <vector>

#include <xuncha/core/date.hpp>
#include <xuncha/model/model.hpp>

namespace xuncha::rules {

/// Why a person cannot hold a role, as zh and en phrases; empty when they qualify.
struct Faults {
  std::vector<std::string> zh, en;
  bool empty() const { return zh.empty(); }
  void add(std::string z, std::string e) {
    zh.push_back(std::move(z));
    en.push_back(std::move(e));
  }
  std::string joined_zh() const;
  std::string joined_en() const;
};

/// T103: a leader is a bureau-level cadre (正厅/副厅) who knows safety supervision.
Faults leader_faults(const Person& p);
/// T105: a deputy is a serving division-level cadre (正处/副处) in safety supervision.
Faults deputy_faults(const Person& p);
/// T108: the person's unit is a safety committee member (an unknown unit counts: the loader reports it).
bool in_committee(const Dataset& data, const Person& p);
/// T107: the person's unit is the emergency management department (unknown units count, as above).
bool from_emergency_management(const Dataset& data, const Person& p);
/// Every qualification of `role` (T103, T105, T107, T108 for all but experts, T109 for experts);
/// not availability, conflict of interest or appointments.
Faults role_faults(const Dataset& data, Role role, const Person& p);
/// T113: the person's unit sits in `region` or it is their home region (empty region: none).
/// The caller honours Policy::conflict_of_interest.
Faults conflict(const Dataset& data, const Person& p, const std::string& region);

/// A tour with both dates, the end not before the start.
bool dated(const Tour& t);
/// T112: inclusive day ranges meet (a tour starting the day after another ends does not overlap).
inline bool overlaps(Date a_start, Date a_end, Date b_start, Date b_end) {
  return !(a_end < b_start) && !(b_end < a_start);
}
/// The same for two dated tours.
inline bool overlaps(const Tour& a, const Tour& b) { return overlaps(*a.start, *a.end, *b.start, *b.end); }

}  // namespace xuncha::rules
