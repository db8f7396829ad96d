// Whether the processor has AVX2: asked once, by every fast path compiled for it (with
// __attribute__((target("avx2")))) before taking it.
#pragma once

namespace nblint {

inline bool cpu_has_avx2() {
#if defined(__x86_64__) && defined(__GNUC__)
  static const bool available = __builtin_cpu_supports("avx2");
  return available;
#else
  return false;
#endif
}

}  // namespace nblint
