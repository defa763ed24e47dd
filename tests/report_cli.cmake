# End-to-end tests of report, violations, diff and history (tools/cli/REPORTS.md),
# included from tests/CMakeLists.txt. They run the built tledger binary.
find_package(GTest CONFIG REQUIRED)
include(GoogleTest)

add_executable(report_cli_test report_cli_test.cc report_cli_diff_test.cc report_cli_history_test.cc)
target_link_libraries(report_cli_test PRIVATE tledger_cli GTest::gtest_main)
target_compile_definitions(report_cli_test PRIVATE
  TLEDGER_REPORT_TEST_BIN="$<TARGET_FILE:tledger>"
  TLEDGER_REPORT_TEST_DATA="${CMAKE_CURRENT_SOURCE_DIR}/data"
)
add_dependencies(report_cli_test tledger)
gtest_discover_tests(report_cli_test DISCOVERY_TIMEOUT 60 PROPERTIES TIMEOUT 120)
