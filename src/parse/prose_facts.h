// Prose facts: counts the report states in its sentences (新收政府信息公开申请44件, 上年结转3件,
// 无下年度结转, 未发生行政复议和行政诉讼), and claims that the data covers less than the full
// year (统计期限…至12月28日, 截至2020年11月底). The prose-vs-table and partial-period rules read them.
//
// How statements are found (keyword + number scanning, no regex):
// - Only body paragraphs (Report::paragraphs) are read, so headings and web chrome are not;
//   a paragraph holding cell separators (| or tab) is a table row and is skipped whole.
// - A paragraph is cut into clauses at 。，；：！？ (a ',' or ':' between digits is part of a
//   number or a time). A count is an integer, not negative, not approximate (10余件), with a
//   counting unit (件 份 个 条 项 起 宗 例 次), or unitless right after 为 (行政复议数量为0).
//   Percentages, dates and years are never counts (grammar/number.h skips them).
// - The words before a count, back to the previous number or the clause start, say what it
//   counts (the phrase tables in prose_facts.cpp); when they say nothing, the words after it up
//   to the next 、 or number are added (共收到8份政府信息公开申请).
// - A clause without any number may state a zero with a negation before the keywords
//   (无下年度结转, 未收到政府信息公开申请, 未发生行政复议和行政诉讼: both kinds, value 0).
// - Ambiguous statements are dropped rather than guessed: 行政复议和行政诉讼共3件 (no 各/均),
//   carry-overs that name no direction (无结转), sub-results (行政复议维持2件), comparisons
//   (较上年增加3件), and request counts under 其中 or for other things (办结, 答复, 来信).
//
// Period claims, per sentence (cut at 。；！？):
// - the range of a statistical-period statement (统计期限/时限/时间/区间/期间/范围, or 数据 before
//   a date range): 本报告所列数据的统计期限自2022年1月1日起至2022年12月28日止;
// - a range from the year's start followed by a count: 2020年1月1日至12月28日,…公开信息418条
//   (a range starting later, 3月至5月开展专项检查, is an activity's time, not the data's);
// - 截至/截止 + a date with a month, in a sentence that also states a count after it or names
//   统计/数据: 截至2020年11月底，共发布信息120条 (截至2021年3月，整改已完成 says nothing of data).
// Full-year statements (1 Jan – 31 Dec, 截至12月31日, 截至2020年底) are NOT recorded: every claim is
// a partial period. Years are kept as written (0 when not said: …至12月28日 has to_year 0);
// comparing them with the report year is the rule's job.
#pragma once
#include "model/report.h"

namespace nblint {

// Fills report.prose_facts and report.period_claims, in document order, from report.paragraphs
// and report.folded (call after build_section_tree).
void find_prose_facts(Report& report);

}  // namespace nblint
