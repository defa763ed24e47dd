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
//   plan, trainee-turns and classes by field, and five counts per quota
//   cell (enrolled, completed, failed, in_progress, withdrawn);
// for each date on which any count changes, the counters it changes and
// their new values; every kCheckpointEvery dates, all counters. Plans (as
// issued and amended) are kept as their stretches.
//
// Immutable once built; safe to share between threads.
#ifndef TLEDGER_PROJECTIONS_REPORT_TIMELINE_H_
#define TLEDGER_PROJECTIONS_REPORT_TIMELINE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"
#include "projections/outcome.h"
#include "projections/stretches.h"

namespace tledger {

class ReportTimeline {
 public:
  static constexpr size_t kCheckpointEvery = 256;

  static ReportTimeline Build(const Resolved& r, const Stretches& s);

  // The report as of the end of day `d` (known at whatever the stretches
  // were built for; `known_at` is only printed).
  Report At(Date d, Timestamp known_at) const;

  // A compact encoding (the CLI's cache, projections/report_cache.h) and
  // back. Read: Corruption for bytes that are not such an encoding.
  std::string Encode() const;
  static Result<ReportTimeline> Decode(std::string_view bytes);

  size_t dates() const { return dates_.size(); }
  size_t changes() const { return change_counter_.size(); }
  size_t counters() const { return counters_; }

  friend bool operator==(const ReportTimeline&, const ReportTimeline&) = default;

 private:
  struct Cell {
    Sym plan;
    AsOf::CellKey key;
    friend bool operator==(const Cell&, const Cell&) = default;
  };
  struct PlanVersion {
    Date from, to;
    Sym plan;
    AsOf::Plan plan_as_of;
    friend bool operator==(const PlanVersion&, const PlanVersion&) = default;
  };

  size_t PlanBase() const { return 20; }
  size_t FieldBase() const { return 20 + plan_names_.size(); }
  size_t CellBase() const { return 20 + plan_names_.size() + 2 * field_names_.size(); }

  std::vector<std::string> plan_names_;   // by plan Sym
  std::vector<std::string> field_names_;  // by field Sym
  std::vector<Cell> cells_;
  std::vector<PlanVersion> plans_;        // by (plan, from)
  size_t counters_ = 0;
  std::vector<Date> dates_;               // the dates counts change on, ascending
  std::vector<uint32_t> change_begin_;    // by date: where its changes start (one more entry at the end)
  std::vector<uint32_t> change_counter_;
  std::vector<int64_t> change_value_;
  std::vector<std::vector<int64_t>> checkpoints_;  // all counters after date i * kCheckpointEvery
};

}  // namespace tledger

#endif  // TLEDGER_PROJECTIONS_REPORT_TIMELINE_H_
