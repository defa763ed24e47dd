// The default report (every plan, units as they were) for every as-of date
// of one known-at T, kept as the changes of its counts over valid time:
// built once from the tally stretches, after which any as-of date is a
// checkpoint plus a few changes away.
//
//   ReportTimeline rt = ReportTimeline::Build(resolved, BuildStretches(resolved));
//   Report r = rt.At(as_of, known_at);   // == TalliesAt(AsOf(resolved, as_of), {}, known_at)
//
// Layout (projections/DESIGN.md, "Fast as-of reads"): counters
//   [0] events counted, [1] compensation owed, [2..6] trainee-turns by level
//   (central .. commune, unknown), [7..11] persons by level, [12..15]
//   trainee-turns by form, [16..19] classes by form, then public funding by
//   plan, trainee-turns and classes by field, five counts per quota
//   cell (enrolled, completed, failed, in_progress, withdrawn), and the
//   classes of each plan's program (for its targets);
// for each date on which any count changes, the counters it changes and
// their new values (the "bulk"); every kCheckpointEvery dates, all
// counters. Plans (as issued and amended) are kept as their stretches.
//
// Immutable once built; safe to share between threads.
#ifndef TLEDGER_PROJECTIONS_REPORT_TIMELINE_H_
#define TLEDGER_PROJECTIONS_REPORT_TIMELINE_H_

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/hash_chain.h"
#include "core/status.h"
#include "projections/outcome.h"
#include "projections/stretches.h"

namespace tledger {

// Everything but the bulk: small, read whole.
struct TimelineIndex {
  static constexpr size_t kCheckpointEvery = 256;

  struct Cell {
    Sym plan;
    AsOf::CellKey key;
    friend bool operator==(const Cell&, const Cell&) = default;
  };
  // A program of a plan whose courses have had enrollments: its classes
  // are counted (a target's trainee-turns are its cells').
  struct PlanProgram {
    Sym plan;
    Program program;
    friend bool operator==(const PlanProgram&, const PlanProgram&) = default;
  };
  struct PlanVersion {
    Date from, to;
    Sym plan;
    AsOf::Plan plan_as_of;
    friend bool operator==(const PlanVersion&, const PlanVersion&) = default;
  };

  std::vector<std::string> plan_names;   // by plan Sym
  std::vector<std::string> field_names;  // by field Sym
  std::vector<Cell> cells;
  std::vector<PlanProgram> programs;
  std::vector<PlanVersion> plans;        // by (plan, from)
  size_t counters = 0;
  std::vector<Date> dates;               // the dates counts change on, ascending
  std::vector<uint32_t> change_begin;    // by date: where its changes start; one more at the end

  size_t PlanBase() const { return 20; }
  size_t FieldBase() const { return 20 + plan_names.size(); }
  size_t CellBase() const { return 20 + plan_names.size() + 2 * field_names.size(); }
  size_t ProgramBase() const { return CellBase() + 5 * cells.size(); }
  size_t blocks() const { return (dates.size() + kCheckpointEvery - 1) / kCheckpointEvery; }
  // The changes of block j (those applied on top of checkpoint j).
  std::pair<uint32_t, uint32_t> BlockChanges(size_t j) const;
  // The index of the last date on or before d; nullopt when d is before them all.
  std::optional<size_t> LastDateIndex(Date d) const;
  // OK when the parts agree with one another (a decoded cache must).
  Status Check(size_t changes, size_t checkpoints) const;

  // The Report from the counts as of d.
  Report Assemble(Date d, Timestamp known_at, const std::vector<int64_t>& counts) const;

  friend bool operator==(const TimelineIndex&, const TimelineIndex&) = default;
};

class ReportTimeline {
 public:
  static ReportTimeline Build(const Resolved& r, const Stretches& s);

  // The report as of the end of day `d` (known at whatever the stretches
  // were built for; `known_at` is only printed).
  Report At(Date d, Timestamp known_at) const;

  const TimelineIndex& index() const { return index_; }
  std::span<const uint32_t> change_counter() const { return change_counter_; }
  std::span<const int64_t> change_value() const { return change_value_; }
  std::span<const int64_t> checkpoint(size_t j) const { return checkpoints_[j]; }
  size_t changes() const { return change_counter_.size(); }

  friend bool operator==(const ReportTimeline&, const ReportTimeline&) = default;

 private:
  friend class ReportCacheView;
  TimelineIndex index_;
  std::vector<uint32_t> change_counter_;
  std::vector<int64_t> change_value_;
  std::vector<std::vector<int64_t>> checkpoints_;  // all counters after date j * kCheckpointEvery
};

}  // namespace tledger

#endif  // TLEDGER_PROJECTIONS_REPORT_TIMELINE_H_
