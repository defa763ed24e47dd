// The README stays true: its first block is exactly the two commands a
// newcomer runs (tools/demo.sh is run by demo_script_test, tools/test.sh by
// CI), and every `tledger` command of "Using it" runs, in order, as shown
// (with `tledger` the binary under test, in a fresh directory where
// tests/data is the repository's). So do the commands of HUONG-DAN.md, the
// Vietnamese guide.
#include <filesystem>
#include <regex>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tests/doc_blocks.h"
#include "tests/test_util.h"

namespace tledger::testing {
namespace {

namespace fs = std::filesystem;

using doc_testing::Block;

TEST(Readme, OpensWithTheTwoCommands) {
  std::vector<std::string> first = Block(ReadFile(std::string(TLEDGER_SOURCE_DIR) + "/README.md"), "");
  ASSERT_EQ(first.size(), 2u);
  EXPECT_EQ(first[0].substr(0, first[0].find(' ')), "tools/demo.sh");
  EXPECT_EQ(first[1].substr(0, first[1].find(' ')), "tools/test.sh");
}

TEST(Readme, EveryCommandOfUsingItRuns) {
  std::vector<std::string> commands = Block(ReadFile(std::string(TLEDGER_SOURCE_DIR) + "/README.md"), "## Using it");
  ASSERT_GE(commands.size(), 10u);
  TempDir tmp;
  fs::create_directory(tmp / "tests");
  fs::create_directory_symlink(std::string(TLEDGER_SOURCE_DIR) + "/tests/data", tmp / "tests/data");
  std::string path = "PATH=" + fs::path(TledgerBin()).parent_path().string() + ":" + std::getenv("PATH");
  int ran = 0;
  for (const std::string& command : commands) {
    if (command.rfind("tledger ", 0) != 0 && command.rfind("tledger-verify ", 0) != 0) continue;
    SCOPED_TRACE(command);
    RunResult r = RunProgram({"/bin/sh", "-c", command}, {.cwd = tmp.path(), .env = {path}});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    ++ran;
    if (command.find(" > ") != std::string::npos) {
      EXPECT_EQ(r.out, "");  // written to the file named
    } else if (command.ends_with(".xlsx")) {
      EXPECT_EQ(r.out, "");  // the workbook, written to the file named (a zip: "PK")
      EXPECT_EQ(ReadFile(tmp / command.substr(command.rfind(' ') + 1)).substr(0, 2), "PK") << command;
    } else if (command.ends_with(".pdf")) {
      EXPECT_EQ(r.out, "");  // the document, written to the file named
      EXPECT_EQ(ReadFile(tmp / command.substr(command.rfind(' ') + 1)).substr(0, 5), "%PDF-") << command;
    } else if (command.find(" verify --checkpoint") != std::string::npos) {
      EXPECT_TRUE(std::regex_match(r.out, std::regex("intact: 26 events, 0 anchors matched; head 26:[0-9a-f]{64}\n"
                                                     "checkpoint 26 verified \\(signed by dao-tao\\.cantho\\.gov\\.vn/"
                                                     "tledger\\+[0-9a-f]{8}(; cosigned by thanhtra\\.cantho\\.gov\\.vn/"
                                                     "witness\\+[0-9a-f]{8} at [-0-9T:.]+Z)?\\)\n")))
          << r.out;
    } else if (command.rfind("tledger-verify ", 0) == 0) {
      EXPECT_TRUE(r.out.rfind("tledger-verify: gói bằng chứng hợp lệ, mọi kiểm tra đều khớp\n", 0) == 0 ||
                  r.out.rfind("tledger-verify: the partial evidence bundle checks out; every check agrees\n", 0) == 0)
          << r.out;
    } else if (command.find(" bundle ") != std::string::npos) {
      EXPECT_EQ(r.out.substr(0, 7), "bundle ");
    } else if (command.find(" prove ") != std::string::npos) {
      EXPECT_EQ(r.out.substr(0, 2), "{\n");
    } else if (command.find(" verify --expect-head") != std::string::npos) {
      EXPECT_TRUE(std::regex_match(r.out, std::regex("intact: 26 events, 1 anchor matched; head 26:[0-9a-f]{64}\n"))) << r.out;
    } else if (command.find(" verify") != std::string::npos) {
      EXPECT_TRUE(std::regex_match(r.out, std::regex("intact: 26 events, 0 anchors matched; head 26:[0-9a-f]{64}\n"))) << r.out;
    } else if (command.find(" checkpoint") != std::string::npos) {
      EXPECT_TRUE(std::regex_match(r.out, std::regex("26:[0-9a-f]{64}\n"))) << r.out;
    } else if (command.find(" compensation --as-of 31/12/2028") != std::string::npos) {
      EXPECT_TRUE(r.out.rfind("Danh sách đền bù chi phí đào tạo tính đến hết ngày 31/12/2028", 0) == 0) << r.out;
      EXPECT_NE(r.out.find("\nCộng: phải đền bù 77.187.500 đ; đã nộp 30.000.000 đ; còn phải nộp 47.187.500 đ\n"),
                std::string::npos)
          << r.out;
    } else if (command.find(" compensation --as-of 2028-12-31 --format json") != std::string::npos) {
      EXPECT_NE(r.out.find("\n  \"total_outstanding_vnd\": 47187500,\n"), std::string::npos) << r.out;
    } else if (command.find(" find \"Tran Thi Ngoc Han\"") != std::string::npos) {
      EXPECT_NE(r.out.find(": 1 kết quả\n"), std::string::npos) << r.out;
      EXPECT_NE(r.out.find("    1  Cá nhân  HG-000123  Trần Thị Ngọc Hân  Trùng khớp"), std::string::npos) << r.out;
    } else if (command.find(" find \"nguyễn thị ánh\"") != std::string::npos) {
      EXPECT_NE(r.out.find("\"id\": \"CT-000456\""), std::string::npos) << r.out;
    } else if (command.find(" people --plan HG-2025") != std::string::npos) {
      EXPECT_NE(r.out.find("  1  Trần Thị Ngọc Hân  HG-000123"), std::string::npos) << r.out;
    } else if (command.find(" history HG-000123 --lang en") != std::string::npos) {
      EXPECT_EQ(r.out.substr(0, r.out.find('\n')), "History of \"HG-000123\": 12 records");
    } else if (command.find(" history HG-000123") != std::string::npos) {
      EXPECT_EQ(r.out.substr(0, r.out.find('\n')), "Lịch sử của \"HG-000123\": 12 bản ghi");
    }
  }
  EXPECT_EQ(ran, static_cast<int>(commands.size()));
  EXPECT_EQ(Lines(ReadFile(tmp / "ledger.jsonl")).size(), 26u);
  // The proof commands' files: the keys, the (cosigned) checkpoint.
  EXPECT_EQ(ReadFile(tmp / "checkpoint.note").substr(0, 33), "dao-tao.cantho.gov.vn/tledger\n26\n");
  EXPECT_EQ(Lines(ReadFile(tmp / "cosigned.note")).size(), 6u);
}

// HUONG-DAN.md, "Bằng chứng cho bên thứ ba": every command of its block
// runs as shown, in order, and prints what the guide says; then the
// witness refuses the rolled-back checkpoint, as its next block shows.
TEST(HuongDan, EveryCommandOfTheProofsSectionRunsAndTheWitnessRefusesTheRollback) {
  const std::string guide = ReadFile(std::string(TLEDGER_SOURCE_DIR) + "/HUONG-DAN.md");
  std::vector<std::string> commands =
      Block(guide, "## Bằng chứng cho bên thứ ba: khóa, checkpoint có chữ ký, nhân chứng, gói bằng chứng");
  ASSERT_EQ(commands.size(), 15u);
  TempDir tmp;
  fs::create_directory(tmp / "tests");
  fs::create_directory_symlink(std::string(TLEDGER_SOURCE_DIR) + "/tests/data", tmp / "tests/data");
  std::string path = "PATH=" + fs::path(TledgerBin()).parent_path().string() + ":" + std::getenv("PATH");
  for (const std::string& command : commands) {
    SCOPED_TRACE(command);
    ASSERT_TRUE(command.rfind("tledger ", 0) == 0 || command.rfind("tledger-verify ", 0) == 0);
    RunResult r = RunProgram({"/bin/sh", "-c", command}, {.cwd = tmp.path(), .env = {path}});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    if (command.find(" > ") != std::string::npos) {
      EXPECT_EQ(r.out, "");  // written to the file named
    } else if (command.find(" verify --checkpoint") != std::string::npos) {
      EXPECT_TRUE(std::regex_match(r.out, std::regex("intact: 24 events, 0 anchors matched; head 24:[0-9a-f]{64}\n"
                                                     "checkpoint 24 verified \\(signed by dao-tao\\.cantho\\.gov\\.vn/"
                                                     "tledger\\+[0-9a-f]{8}; cosigned by thanhtra\\.cantho\\.gov\\.vn/"
                                                     "witness\\+[0-9a-f]{8} at [-0-9T:.]+Z\\)\n")))
          << r.out;
    } else if (command == "tledger-verify --key so-cai.vkey --witness nhan-chung.vkey bao-cao.bundle") {
      std::vector<std::string> lines = Lines(r.out);
      ASSERT_EQ(lines.size(), 7u) << r.out;
      EXPECT_EQ(lines[0], "tledger-verify: gói bằng chứng hợp lệ, mọi kiểm tra đều khớp");
      EXPECT_EQ(lines[3], "  sự kiện: đủ 26 sự kiện, chuỗi băm liền mạch; gốc cây tính lại khớp với checkpoint đã ký");
      EXPECT_EQ(lines[2].rfind("  checkpoint ký bởi dao-tao.cantho.gov.vn/tledger+", 0), 0u) << lines[2];
      EXPECT_NE(lines[2].find("; đồng ký (nhân chứng) bởi thanhtra.cantho.gov.vn/witness+"), std::string::npos) << lines[2];
    } else if (command == "tledger-verify --key so-cai.vkey phat-hien.bundle") {
      EXPECT_EQ(Lines(r.out).at(0), "tledger-verify: gói bằng chứng một phần hợp lệ, mọi kiểm tra đều khớp");
    } else if (command.find(" bundle ") != std::string::npos) {
      EXPECT_EQ(r.out.substr(0, 7), "bundle ");
    } else if (command.find(" prove 12") != std::string::npos) {
      EXPECT_EQ(r.out.substr(0, 21), "{\n  \"leaf_index\": 11,");
    } else if (command.find(" import ") != std::string::npos) {
      EXPECT_EQ(r.out.substr(0, 17), "imported 1 file: ");
    } else {
      ADD_FAILURE() << "a command the test does not know: " << command;
    }
  }
  // The witness's state: the 26-event checkpoint, cosigned.
  EXPECT_EQ(ReadFile(tmp / "nhan-chung/dao-tao.cantho.gov.vn%2Ftledger/checkpoint.note"), ReadFile(tmp / "cp-26.cosigned"));

  std::vector<std::string> refused = Block(guide, "### Nhân chứng từ chối một sổ bị quay lui hoặc rẽ nhánh");
  ASSERT_EQ(refused.size(), 1u);
  RunResult r = RunProgram({"/bin/sh", "-c", refused[0]}, {.cwd = tmp.path(), .env = {path}});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err.rfind("tledger: error: refused: a rollback: the checkpoint offered is of 24 events, and this witness "
                        "cosigned 26 events of \"dao-tao.cantho.gov.vn/tledger\" before; a ledger never shrinks\n",
                        0),
            0u)
      << r.err;
  EXPECT_EQ(ReadFile(tmp / "nhan-chung/dao-tao.cantho.gov.vn%2Ftledger/checkpoint.note"), ReadFile(tmp / "cp-26.cosigned"));
}

}  // namespace
}  // namespace tledger::testing
