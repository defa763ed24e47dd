# The encoding of a ReportTimeline (projections/report_timeline.h), as the
# report cache beside a ledger stores it (projections/report_cache.h): a
# small Manifest, read whole and authenticated whole, and a Bulk part read in
# blocks, each block authenticated on its own, so that answering one as-of date
# reads and checks one block. Derived data, rebuilt at will; field numbers
# are append-only all the same.
@0xb174beff5bdd7787;

using Cxx = import "/capnp/c++.capnp";
$Cxx.namespace("tledger::cache");

struct Quota {
  program @0 :UInt16;
  fundingClass @1 :UInt16;
  location @2 :UInt16;
  count @3 :Int64;
}

struct Phase {
  fields @0 :List(UInt32);
  opens @1 :Int32;              # days since 1970-01-01
}

struct Target {
  program @0 :UInt16;
  traineeTurns @1 :Int64;       # -1: not set
  classes @2 :Int64;            # -1: not set
}

struct PlanVersion {
  from @0 :Int32;               # [from, to), days since 1970-01-01
  to @1 :Int32;
  plan @2 :UInt32;
  title @3 :Text;
  budgetVnd @4 :Int64;
  quotas @5 :List(Quota);
  priorityFields @6 :List(UInt32);
  phases @7 :List(Phase);
  source @8 :Text;              # the plan's decision number
  issued @9 :Int32;             # its date, days since 1970-01-01
  issuer @10 :Text;             # the issuing unit's id
  issuerName @11 :Text;         # its registered name throughout the stretch
  targets @12 :List(Target);    # by program
}

struct Cell {
  plan @0 :UInt32;
  program @1 :UInt16;
  fundingClass @2 :UInt16;
  location @3 :UInt16;
}

struct PlanProgram {
  plan @0 :UInt32;
  program @1 :UInt16;
}

struct Manifest {
  planNames @0 :List(Text);     # by plan number
  fieldNames @1 :List(Text);    # by field number
  cells @2 :List(Cell);
  plans @3 :List(PlanVersion);
  counters @4 :UInt64;
  dates @5 :List(Int32);        # days since 1970-01-01, ascending
  changeBegin @6 :List(UInt32); # by date, one more at the end
  blockMacs @7 :List(Data);     # the MAC of each block of the Bulk (report_cache.h)
  programs @8 :List(PlanProgram);  # whose classes are counted, after the cells' counts
}

# Block j: checkpoint j, then the changes of dates j*K+1 .. (j+1)*K
# (K = ReportTimeline::kCheckpointEvery).
struct Bulk {
  changeCounter @0 :List(UInt32);
  changeValue @1 :List(Int64);
  checkpoints @2 :List(List(Int64));
}
