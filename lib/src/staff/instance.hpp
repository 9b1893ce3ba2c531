#pragma once
// Private to the team-plan generator: the instance (cycles, teams, seats, who may take which
// seat and why not), shared by setup.cpp, solve.cpp, proof.cpp and result.cpp.
#include <xuncha/staff/staff.hpp>

#include <xuncha/core/date.hpp>
#include <xuncha/model/model.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <tuple>
#include <string>
#include <vector>

namespace xuncha::staff::detail {

/// Why a person cannot take a seat (the first reason found, in this order).
enum class Why : std::uint8_t { ok, unqualified, conflict, unavailable, busy, over_cap, taken };

/// A team of a cycle: the tours of one team number of the schedule.
struct Slot {
  std::size_t cycle = 0;
  int number = 0;
  std::string id;                  ///< e.g. "G2027-1"
  std::vector<std::size_t> tours;  ///< indexes into Instance::tours, by start
};

/// A seat: one role on one team, for all its tours (tour < 0) or for one tour.
struct Seat {
  std::size_t slot = 0;
  Role role = Role::member;
  int tour = -1;                   ///< index into Instance::tours, or -1: every tour of the slot
  int position = 0;                ///< the k-th seat of its role on its slot (and tour)
  std::vector<int> candidates;     ///< people who may take it, best first
  int kept = -1;                   ///< --keep: the person who held it (index; -1: gone or none)
  std::string kept_id;             ///< --keep: their id, even when they left the data
};

struct CycleInfo {
  int first_year = 0;
  std::string label;               ///< the years of its tours: "2028", "2027-2028"
  std::vector<std::size_t> slots;
};

/// One tour to staff.
struct TourInfo {
  std::size_t data_index = 0;
  const Tour* tour = nullptr;
  Date start{}, end{};
  int year = 0;
  int days = 0;
  std::size_t slot = 0;
};

struct Instance {
  const Dataset& data;
  const Policy& pol;
  Options options;
  int cycle_years = 2;
  int members = 1;                 ///< members per team, within the policy's range (the count being planned)
  int members_lo = 1, members_hi = 1;  ///< the member counts the ranges and the team size allow (setup)
  int experts = 1;                 ///< experts per tour, within the policy's range (setup)
  std::vector<TourInfo> tours;
  std::vector<CycleInfo> cycles;
  std::vector<Slot> slots;
  // Per person (index into data.people):
  std::vector<std::vector<std::pair<Date, Date>>> busy;       ///< dated tours of their data teams
  std::vector<std::vector<std::string>> busy_tour;            ///< the tour ids of `busy`
  std::vector<std::map<int, int>> days_before;                ///< year → days on site already in the data
  std::vector<std::vector<std::string>> data_cycles;          ///< cycle labels of their data teams
  std::vector<int> unit_of;                                   ///< index into data.units, -1: unknown
  std::vector<std::array<bool, 5>> qualified;                 ///< per person and Role: rules::role_faults is empty
  std::vector<Message> problems;                              ///< set-up problems (no plan possible)
  std::vector<Message> notes;                                 ///< set-up facts worth printing (cycles overlapping the data's)

  Instance(const Dataset& d, const Options& o) : data(d), pol(d.policy), options(o) {}

  /// Whether person p may take a seat of `role` on `slot` for the given tours (all when tour < 0).
  Why eligible(int p, Role role, std::size_t slot, int tour, std::string* detail = nullptr) const;
  /// Days on site of the seat's tours per year.
  std::map<int, int> seat_days(std::size_t slot, int tour) const;
  std::vector<int> seat_tours(std::size_t slot, int tour) const;
};

/// Builds the instance: cycles, slots, availability from the data.
void setup(Instance& in, const std::vector<std::size_t>& tours);

/// A full assignment: seat → person (−1 empty), by cycle.
struct Assignment {
  std::vector<Seat> seats;
  std::vector<int> person;         ///< per seat
};

/// Candidates of a (slot, role, tour): computed once per cycle and shared by every set of seats.
using CandidateMemo = std::map<std::tuple<std::size_t, int, int>, std::vector<int>>;

/// The seats of a cycle: team-level seats, with the leader and expert seats of the slots in
/// `split` turned into one seat per tour.
std::vector<Seat> make_seats(const Instance& in, std::size_t cycle, const std::vector<char>& split,
                             CandidateMemo* memo = nullptr);

/// The same assignment with every leader and expert seat as one seat per tour (`atoms`: the seats
/// of make_seats with every slot split), each held by the person of the seat it came from.
Assignment expand(const Assignment& a, std::vector<Seat> atoms);
/// Back: the atoms of one team's leader or k-th expert held by one person become that team's
/// seat for all its tours (`whole`: the seats of make_seats with no slot split); the others stay per tour.
Assignment collapse(const Assignment& atoms, const std::vector<Seat>& whole);

/// Maximum matching of seats to people (augmenting paths; a seat takes its best free candidate
/// first). Returns the number of unfilled seats; `hall` gets the seats of a deficient set when
/// some seat stays empty (the seats reachable from it by alternating paths).
int match(const Instance& in, Assignment& a, std::vector<std::size_t>* hall = nullptr);

/// Soft-goal terms of one cycle's assignment; `previous` is the last cycle's team-mates.
Terms terms_of(const Instance& in, std::size_t cycle, const Assignment& a,
               const std::vector<std::vector<int>>& previous_teams);
/// Local search on a complete assignment of atoms (see expand), seeded: a seat's person replaced
/// for one tour, a run of tours or all the tours they hold on it (a leader or expert split between
/// a team's tours, or merged back), and swaps of two people's seats. `tracked`: the weighted
/// objective as the incremental evaluation left it (a test compares it with terms_of).
long long improve(const Instance& in, std::size_t cycle, Assignment& a,
                  const std::vector<std::vector<int>>& previous_teams, std::uint64_t seed, long long iterations,
                  long long* tracked = nullptr);
/// Seats that differ from their kept person.
int changes_of(const Assignment& a);

/// Lower bound on the weighted objective of one cycle, from every seat (bound.cpp: the argument).
/// Call it before any cycle is planned: it reads the data's days and availability only.
long long bound_of(const Instance& in, std::size_t cycle, CandidateMemo* memo = nullptr);

/// The reasons no plan exists for a cycle (proven), or empty when none was found.
std::vector<Problem> prove(const Instance& in, std::size_t cycle);

/// Whether an expert's recorded fields meet the region's key industries (true when either is unrecorded).
bool fields_match(const Person& p, const Region& r);
std::uint64_t mix(std::uint64_t x);

/// Text helpers.
std::string person_label_zh(const Dataset& data, int p);
std::string person_label_en(const Dataset& data, int p);
Message why_text(const Instance& in, Why w, const std::string& detail);
Message role_text(Role r);

}  // namespace xuncha::staff::detail
