// An organ's level, which decides its publication deadline (spec/regulation.md, "Deadlines").
#pragma once

namespace nblint {

enum class OrganLevel { Unknown, Government, Department, Township };

}  // namespace nblint
