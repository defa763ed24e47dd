// The demo's people: cadres, civil servants and public employees with
// Vietnamese names, job positions that name their unit, birth and hiring
// dates, and the field of their work (the field a commune-level course in
// Bình Định's 2025 plan would teach them).
//
//   People people("BD", kSeed);
//   Person p = people.Official("BD-TPH-03", Day(2006, 1, 1), Day(2020, 12, 31));
//   AddPerson(batch, p);
//
// Value type; not thread-safe.
#ifndef TLEDGER_TOOLS_DEMO_DEMO_PEOPLE_H_
#define TLEDGER_TOOLS_DEMO_DEMO_PEOPLE_H_

#include <string>
#include <vector>

#include "tools/demo/demo_events.h"
#include "tools/demo/demo_random.h"

namespace tledger::demo {

struct Person {
  std::string id;
  std::string name;
  std::string category;  // cadre, civil_servant, public_employee
  std::string unit;
  std::string position;
  bool leader = false;
  Date birth, hired;
  std::string field;  // the field of the job ("finance"), or empty
};

// person_registered, effective on the hiring date; event id "person-<id>".
void AddPerson(Batch& b, const Person& p);
void AddPeople(Batch& b, const std::vector<Person>& people);

// A job before the person is drawn: what a table of positions yields.
struct Job {
  std::string position;
  std::string category;
  bool leader = false;
  std::string field;
  int female_percent = 40;
};

class People {
 public:
  // Ids are "<prefix>-NNNNNN", numbered from 1 in the order of the calls.
  People(std::string prefix, uint64_t seed) : prefix_(std::move(prefix)), rng_(seed) {}

  // A cadre or civil servant of a district or province (by the unit's
  // level): the People's Committee's office and departments, the
  // Fatherland Front.
  Person Official(const std::string& unit, Date hired_from, Date hired_to);
  // The cadres and civil servants of one commune, one to each post (the
  // Party committee, People's Committee, Fatherland Front and mass
  // organisations), two to the two vice-chairs and the busiest posts.
  std::vector<Person> CommuneStaff(const std::string& commune, Date hired_from, Date hired_to);
  // An officer of the police at the unit's level. The spec's categories
  // have no place for the armed forces: recorded as a civil servant.
  Person Police(const std::string& unit, Date hired_from, Date hired_to);
  // A teacher (or school head) of a school in a commune, or of an upper
  // secondary school of the province.
  Person Teacher(const std::string& unit, Date hired_from, Date hired_to);
  // A doctor, nurse, midwife or physician assistant at a commune health
  // station, a district health centre or a provincial hospital.
  Person HealthWorker(const std::string& unit, Date hired_from, Date hired_to);
  // Someone in a job the caller chose.
  Person WithJob(const std::string& unit, const Job& job, Date hired_from, Date hired_to);

  Rng& rng() { return rng_; }

 private:
  std::string NextId();
  std::string prefix_;
  Rng rng_;
  int next_ = 0;
};

}  // namespace tledger::demo

#endif  // TLEDGER_TOOLS_DEMO_DEMO_PEOPLE_H_
