// Hồ Chí Minh City 2016-2020 (seed 004, 13/04/2017): "Trong giai đoạn 2016 -
// 2020, thành phố trực tiếp tổ chức các lớp đào tạo, bồi dưỡng cho hơn
// 194.048 lượt CB-CCVC ... Tổng dự toán kinh phí nhằm đào tạo, bồi dưỡng
// CB-CCVC trong giai đoạn này là gần 900 tỉ đồng." The plan alone, with its
// target and budget: none of the 194,048 trainee-turns is recorded
// (tools/demo/README.md, "Choices", says why).
#include "tools/demo/demo_scenarios.h"

namespace tledger::demo {

void WriteHoChiMinh(Batch& b) {
  // The article gives no decision number and no date of issue: the plan
  // stands as of the article's date, by which the city had deployed it. Its
  // one figure of trainee-turns is a goal of fostering "đáp ứng yêu cầu
  // chức danh và vị trí việc làm": the job-position program's.
  AddPlan(b, Plan{.id = "HCM-2016-2020",
                  .title = "Kế hoạch đào tạo, bồi dưỡng cán bộ, công chức, viên chức Thành phố Hồ Chí Minh "
                           "giai đoạn 2016-2020",
                  .issuer = "HCM",
                  .issued = Day(2017, 4, 13),
                  .year = 2016,
                  .budget_vnd = 900000000000,
                  .targets = {{.program = "job_position", .trainee_turns = 194048}}});
}

}  // namespace tledger::demo
