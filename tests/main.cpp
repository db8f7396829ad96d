// The doctest main, alone in its translation unit (it is slow to compile).
//
// CTest runs each test case as its own process, naming it in a --test-case filter
// (doctest_discover_tests). A name the filter cannot match (a ';' in it, which CMake reads as a
// list separator, once cut 24 names short) used to run nothing and pass. A run whose filters
// leave no test case now fails instead.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <cstdio>

namespace {

unsigned g_test_cases_selected = 0;
bool g_run_ended = false;

// Notes how many test cases the filters selected; reports nothing itself.
struct SelectionCounter : doctest::IReporter {
  explicit SelectionCounter(const doctest::ContextOptions&) {}
  void report_query(const doctest::QueryData&) override {}
  void test_run_start() override {}
  void test_run_end(const doctest::TestRunStats& stats) override {
    g_test_cases_selected = stats.numTestCasesPassingFilters;
    g_run_ended = true;
  }
  void test_case_start(const doctest::TestCaseData&) override {}
  void test_case_reenter(const doctest::TestCaseData&) override {}
  void test_case_end(const doctest::CurrentTestCaseStats&) override {}
  void test_case_exception(const doctest::TestCaseException&) override {}
  void subcase_start(const doctest::SubcaseSignature&) override {}
  void subcase_end() override {}
  void log_assert(const doctest::AssertData&) override {}
  void log_message(const doctest::MessageData&) override {}
  void test_case_skipped(const doctest::TestCaseData&) override {}
};

}  // namespace

REGISTER_LISTENER("selection-counter", 1, SelectionCounter);

int main(int argc, char** argv) {
  doctest::Context context(argc, argv);
  const int result = context.run();
  if (context.shouldExit()) return result;  // --help, --list-test-cases and the like
  if (g_run_ended && g_test_cases_selected == 0) {
    std::fprintf(stderr, "nblint_tests: the filters selected no test case (a name with ';' or another "
                         "character the filter cannot match?); failing rather than passing with nothing run\n");
    return 1;
  }
  return result;
}
