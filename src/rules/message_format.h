// Fills {name} placeholders in a message template.
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace nblint {

using MessageArgs = std::vector<std::pair<std::string_view, std::string>>;

// Unknown placeholders are left as they are, so a pack author sees the mistake in the output.
std::string format_message(std::string_view tmpl, const MessageArgs& args);

}  // namespace nblint
