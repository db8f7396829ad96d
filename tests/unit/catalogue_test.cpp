#include <doctest/doctest.h>

#include <string>
#include <thread>
#include <vector>

#include "rules/catalogue.h"
#include "util/resources.h"

using namespace nblint;

namespace {

// Every embedded catalogue file parsed whole, as a user catalogue is.
Catalogue eager_builtin() {
  Catalogue c;
  for (const auto& res : resources::all())
    if (Catalogue::is_catalogue_file(res.path)) c.add(res.data, std::string(res.path));
  return c;
}

void check_same(const RuleInfo& a, const RuleInfo& b) {
  CAPTURE(a.id);
  CHECK(a.id == b.id);
  CHECK(a.severity == b.severity);
  CHECK(a.summary.zh == b.summary.zh);
  CHECK(a.summary.en == b.summary.en);
  REQUIRE(a.messages.size() == b.messages.size());
  for (auto i = a.messages.begin(), j = b.messages.begin(); i != a.messages.end(); ++i, ++j) {
    CHECK(i->first == j->first);
    CHECK(i->second.zh == j->second.zh);
    CHECK(i->second.en == j->second.en);
  }
}

}  // namespace

TEST_CASE("catalogue: the built-in one, parsing each entry on first use, holds what parsing the files whole gives") {
  // builtin() finds the entries by the files' layout and parses one when find() first returns it.
  const Catalogue eager = eager_builtin();
  const Catalogue& lazy = Catalogue::builtin();
  REQUIRE(eager.rules().size() > 20);
  for (const RuleInfo& r : eager.rules()) {
    CHECK(lazy.contains(r.id));
    const RuleInfo* found = lazy.find(r.id);
    REQUIRE(found != nullptr);
    check_same(r, *found);
    CHECK(lazy.find(r.id) == found);  // parsed once
  }
  REQUIRE(lazy.rules().size() == eager.rules().size());
  for (std::size_t i = 0; i < eager.rules().size(); ++i) check_same(eager.rules()[i], lazy.rules()[i]);
  CHECK_FALSE(lazy.contains("structure/nosuch"));
  CHECK(lazy.find("structure/nosuch") == nullptr);
}

TEST_CASE("catalogue: threads asking for the same entries get the same parsed entries") {
  // check -j N shares the built-in catalogue between its threads.
  const Catalogue& lazy = Catalogue::builtin();
  const Catalogue eager = eager_builtin();
  const std::vector<RuleInfo>& all = eager.rules();
  std::vector<std::vector<const RuleInfo*>> seen(4);
  std::vector<std::thread> threads;
  for (auto& out : seen)
    threads.emplace_back([&] {
      for (const RuleInfo& r : all) out.push_back(lazy.find(r.id));
    });
  for (auto& t : threads) t.join();
  for (const auto& out : seen) CHECK(out == seen.front());
  CHECK(seen.front().size() == all.size());
}
