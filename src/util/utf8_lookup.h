// The tables of the "lookup" UTF-8 validation of Keiser and Lemire, "Validating UTF-8 In Less
// Than One Instruction Per Byte" (Software: Practice and Experience, 2021), as simdjson and
// simdutf use them: every error shows in the high nibble of a byte and both nibbles of the byte
// before it, so three table lookups (pshufb) and an AND find all two-byte errors; a byte that
// must be the second or third continuation of a lead two or three bytes back is checked
// separately. One copy for every vector width that uses them.
#pragma once
#include <array>
#include <cstdint>

namespace nblint::utf8_lookup {

// Error classes, one bit each (two share bit 6: they never meet the same byte pair).
inline constexpr std::uint8_t kTooShort = 1 << 0;      // lead, then not a continuation
inline constexpr std::uint8_t kTooLong = 1 << 1;       // ASCII, then a continuation
inline constexpr std::uint8_t kOverlong3 = 1 << 2;     // E0 80..9F
inline constexpr std::uint8_t kTooLarge = 1 << 3;      // F4 90..BF, F5..FF
inline constexpr std::uint8_t kSurrogate = 1 << 4;     // ED A0..BF
inline constexpr std::uint8_t kOverlong2 = 1 << 5;     // C0, C1
inline constexpr std::uint8_t kTooLarge1000 = 1 << 6;  // F5..FF 80..8F
inline constexpr std::uint8_t kOverlong4 = 1 << 6;     // F0 80..8F
inline constexpr std::uint8_t kTwoConts = 1 << 7;      // a continuation after a continuation (see must_be_continuation)
inline constexpr std::uint8_t kCarry = kTooShort | kTooLong | kTwoConts;

using Table = std::array<std::uint8_t, 16>;

// Indexed by the high nibble of the byte before.
inline constexpr Table kByte1High = {
    kTooLong, kTooLong, kTooLong, kTooLong, kTooLong, kTooLong, kTooLong, kTooLong,  // 0_______
    kTwoConts, kTwoConts, kTwoConts, kTwoConts,                                      // 10______
    kTooShort | kOverlong2,                                                          // 1100____
    kTooShort,                                                                       // 1101____
    kTooShort | kOverlong3 | kSurrogate,                                             // 1110____
    kTooShort | kTooLarge | kTooLarge1000 | kOverlong4};                             // 1111____

inline constexpr std::uint8_t kLarge = kCarry | kTooLarge | kTooLarge1000;
// Indexed by the low nibble of the byte before.
inline constexpr Table kByte1Low = {
    kCarry | kOverlong3 | kOverlong2 | kOverlong4,  // ____0000
    kCarry | kOverlong2,                            // ____0001
    kCarry, kCarry,                                 // ____001_
    kCarry | kTooLarge,                             // ____0100
    kLarge, kLarge, kLarge,                         // ____0101, ____011_
    kLarge, kLarge, kLarge, kLarge, kLarge,         // ____1000 … ____1100
    kLarge | kSurrogate,                            // ____1101
    kLarge, kLarge};                                // ____111_

inline constexpr std::uint8_t kCont = kTooLong | kOverlong2 | kTwoConts;
// Indexed by the high nibble of the byte itself.
inline constexpr Table kByte2High = {
    kTooShort, kTooShort, kTooShort, kTooShort, kTooShort, kTooShort, kTooShort, kTooShort,  // 0_______
    kCont | kOverlong3 | kTooLarge1000 | kOverlong4,                                         // 1000____
    kCont | kOverlong3 | kTooLarge,                                                          // 1001____
    kCont | kSurrogate | kTooLarge, kCont | kSurrogate | kTooLarge,                          // 101_____
    kTooShort, kTooShort, kTooShort, kTooShort};                                             // 11______

// Subtracted (saturating) from the last three bytes of a block: non-zero where a lead there still
// wants bytes from the next block (F0.. in the third last, E0.. in the second last, C0.. last).
inline constexpr std::uint8_t kUnfinishedAfter3 = 0xF0 - 1, kUnfinishedAfter2 = 0xE0 - 1,
                              kUnfinishedAfter1 = 0xC0 - 1;

}  // namespace nblint::utf8_lookup
