// The pre-scan that keeps the tree gumbo builds bounded (see html_nesting_guard.h).
//
// What gumbo 0.10.1 does that this guards against (measured on this machine; numbered as in the
// list in html_reader.cpp, whose points 1 and 5 are dealt with there):
//   2. Its tree construction is quadratic in the nesting depth (the "p element in button scope"
//      check walks the whole stack of open elements on every block start tag): 10,000 nested
//      <div>s take 0.1 s, 30,000 take 1 s, 100,000 take 16 s; nested <ul><li> is worse.
//   3. It frees (and, at the end of parsing, tears down) the tree recursively: about 1,000,000
//      nested <span>s overflow an 8 MiB stack inside gumbo_parse itself.
//   4. Formatting elements (b, font, a …) left open are re-created by the tree builder ("reconstruct
//      the active formatting elements") in every later paragraph, and Noah's Ark only limits
//      IDENTICAL ones: 30,000 paragraphs "<p><font color=N>x</p>" build ~450 million elements
//      (OOM-killed). 100,000 nested "<a><div>" did not finish in two minutes.
//   Hence a cheap pre-scan (NestingLimiter) over a copy of the input, which keeps every byte
//   offset and all text as they are:
//     - formatting elements are renamed to unknown inline elements of the same length, start and
//       end tags alike ("<font color=red>" → "<xont color=red>", "</b>" → "</x>"): their
//       attributes (hidden, style) still count, text and its order are unchanged (the adoption
//       agency never reorders text), and none of point 4 can happen;
//     - it estimates the depth of open elements the way the tree builder would (implied end
//       tags of p, li, dd/dt, option, table parts and headings; end tags closing through their
//       match, "any other end tag" stopping at special elements) and turns every start tag that
//       would open an element beyond depth 256 into an end tag gumbo ignores ("</>", or
//       "</z" + spaces + ">"; spaces would have added text). Only structure that deep is lost;
//       a real page is far shallower. Raw-text elements (script, style …) are never touched.
#include "ingest/html_nesting_guard.h"

#include <gumbo.h>

#include <algorithm>
#include <cstring>
#include <vector>

#include "ingest/html_chars.h"

namespace nblint {
namespace {

using html::ascii_lower;
using html::is_ascii_alpha;
using html::is_html_ws;

constexpr std::size_t kMaxNesting = 256;
constexpr std::size_t npos = std::string_view::npos;

// ---------------------------------------------------------------------------------------------
// Element classes (tree construction, as far as the depth estimate needs them)

bool is_heading(GumboTag t) {
  return t == GUMBO_TAG_H1 || t == GUMBO_TAG_H2 || t == GUMBO_TAG_H3 || t == GUMBO_TAG_H4 || t == GUMBO_TAG_H5 ||
         t == GUMBO_TAG_H6;
}

bool is_void(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_AREA: case GUMBO_TAG_BASE: case GUMBO_TAG_BASEFONT: case GUMBO_TAG_BGSOUND:
    case GUMBO_TAG_BR: case GUMBO_TAG_COL: case GUMBO_TAG_EMBED: case GUMBO_TAG_FRAME: case GUMBO_TAG_HR:
    case GUMBO_TAG_IMAGE: case GUMBO_TAG_IMG: case GUMBO_TAG_INPUT: case GUMBO_TAG_KEYGEN:
    case GUMBO_TAG_LINK: case GUMBO_TAG_META: case GUMBO_TAG_PARAM: case GUMBO_TAG_SOURCE:
    case GUMBO_TAG_TRACK: case GUMBO_TAG_WBR: case GUMBO_TAG_MENUITEM: case GUMBO_TAG_ISINDEX:
    case GUMBO_TAG_SPACER:
      return true;
    default:
      return false;
  }
}

bool is_formatting(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_A: case GUMBO_TAG_B: case GUMBO_TAG_BIG: case GUMBO_TAG_CODE: case GUMBO_TAG_EM:
    case GUMBO_TAG_FONT: case GUMBO_TAG_I: case GUMBO_TAG_NOBR: case GUMBO_TAG_S: case GUMBO_TAG_SMALL:
    case GUMBO_TAG_STRIKE: case GUMBO_TAG_STRONG: case GUMBO_TAG_TT: case GUMBO_TAG_U:
      return true;
    default:
      return false;
  }
}

bool is_raw_text(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_XMP: case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_NOEMBED: case GUMBO_TAG_NOFRAMES: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_TITLE:
      return true;
    default:
      return false;
  }
}

// Start tags that close an open <p> (tree construction, "in body").
bool closes_p(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_CENTER: case GUMBO_TAG_DETAILS: case GUMBO_TAG_DIR: case GUMBO_TAG_DIV: case GUMBO_TAG_DL:
    case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP: case GUMBO_TAG_MAIN: case GUMBO_TAG_MENU: case GUMBO_TAG_NAV:
    case GUMBO_TAG_OL: case GUMBO_TAG_P: case GUMBO_TAG_SECTION: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_UL:
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
    case GUMBO_TAG_H6: case GUMBO_TAG_PRE: case GUMBO_TAG_LISTING: case GUMBO_TAG_FORM: case GUMBO_TAG_PLAINTEXT:
    case GUMBO_TAG_XMP: case GUMBO_TAG_HR: case GUMBO_TAG_LI: case GUMBO_TAG_DD: case GUMBO_TAG_DT:
      return true;
    default:
      return false;
  }
}

// Elements whose end tag "any other end tag" may not close through (the spec's "special").
bool is_special(GumboTag t) {
  if (closes_p(t) || is_heading(t)) return true;
  switch (t) {
    case GUMBO_TAG_APPLET: case GUMBO_TAG_BODY: case GUMBO_TAG_BUTTON: case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_COLGROUP: case GUMBO_TAG_FRAMESET: case GUMBO_TAG_HTML: case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_MARQUEE: case GUMBO_TAG_NOEMBED: case GUMBO_TAG_NOFRAMES: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_OBJECT: case GUMBO_TAG_SCRIPT: case GUMBO_TAG_SELECT: case GUMBO_TAG_STYLE:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY: case GUMBO_TAG_TD: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_TFOOT: case GUMBO_TAG_TH: case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TITLE: case GUMBO_TAG_TR:
      return true;
    default:
      return false;
  }
}

// Scope boundaries of "has an element in scope".
bool is_scope_marker(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_APPLET: case GUMBO_TAG_CAPTION: case GUMBO_TAG_HTML: case GUMBO_TAG_TABLE: case GUMBO_TAG_TD:
    case GUMBO_TAG_TH: case GUMBO_TAG_MARQUEE: case GUMBO_TAG_OBJECT: case GUMBO_TAG_TEMPLATE:
      return true;
    default:
      return false;
  }
}

bool is_table_part(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY: case GUMBO_TAG_THEAD: case GUMBO_TAG_TFOOT: case GUMBO_TAG_TR:
    case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_CAPTION:
      return true;
    default:
      return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Pre-scan: keep the depth gumbo builds bounded (see the file comment, points 2 and 3).

class NestingLimiter {
 public:
  explicit NestingLimiter(std::string_view in) : in_(in) {}

  // Returns true when some tag was rewritten; the rewritten copy is then in `out`.
  bool run(std::string& out) {
    out_ = &out;
    const std::size_t n = in_.size();
    std::size_t p = 0;
    while (p < n) {
      p = in_.find('<', p);
      if (p == npos || p + 1 >= n) break;
      const unsigned char c = static_cast<unsigned char>(in_[p + 1]);
      if (in_.compare(p, 4, "<!--") == 0) {
        std::size_t q = p + 4;
        if (q < n && in_[q] == '>') { p = q + 1; continue; }
        if (in_.compare(q, 2, "->") == 0) { p = q + 2; continue; }
        const std::size_t e = in_.find("-->", q);
        if (e == npos) break;
        p = e + 3;
      } else if (c == '!' || c == '?') {
        const bool cdata = foreign_ > 0 && in_.compare(p, 9, "<![CDATA[") == 0;
        const std::size_t e = cdata ? in_.find("]]>", p + 9) : in_.find('>', p + 2);
        if (e == npos) break;
        p = e + (cdata ? 3 : 1);
      } else if (c == '/') {
        if (p + 2 < n && is_ascii_alpha(static_cast<unsigned char>(in_[p + 2]))) {
          std::size_t q = read_name(p + 2);
          bool self_closing = false;
          q = skip_attributes(q, self_closing);
          if (q == npos) break;
          end_tag();
          p = q;
        } else if (p + 2 < n && in_[p + 2] == '>') {
          p += 3;
        } else {
          const std::size_t e = in_.find('>', p + 2);
          if (e == npos) break;
          p = e + 1;
        }
      } else if (is_ascii_alpha(c)) {
        std::size_t q = read_name(p + 1);
        bool self_closing = false;
        q = skip_attributes(q, self_closing);
        if (q == npos) break;
        const GumboTag tag = tag_;
        start_tag(p, q, self_closing);
        if (tag == GUMBO_TAG_PLAINTEXT) break;
        if (is_raw_text(tag)) {
          q = find_end_tag(q);
          if (q == npos) break;
        }
        p = q;
      } else {
        ++p;
      }
    }
    return changed_;
  }

 private:
  struct Open {
    GumboTag tag;
    std::string name;  // only for GUMBO_TAG_UNKNOWN
  };

  std::size_t read_name(std::size_t p) {
    const std::size_t begin = p;
    name_.clear();
    const std::size_t n = in_.size();
    while (p < n && !is_html_ws(static_cast<unsigned char>(in_[p])) && in_[p] != '/' && in_[p] != '>') {
      if (name_.size() < 64) name_ += ascii_lower(in_[p]);
      ++p;
    }
    tag_ = gumbo_tagn_enum(name_.c_str(), static_cast<unsigned int>(name_.size()));
    if (is_formatting(tag_)) {  // see the file comment, point 4
      writable()[begin] = 'x';
      name_[0] = 'x';
      tag_ = GUMBO_TAG_UNKNOWN;
    }
    return p;
  }

  // After a tag name: returns the offset after the tag's '>', or npos at EOF inside the tag.
  std::size_t skip_attributes(std::size_t p, bool& self_closing) const {
    const std::size_t n = in_.size();
    self_closing = false;
    while (p < n) {
      const char c = in_[p];
      if (is_html_ws(static_cast<unsigned char>(c))) { ++p; continue; }
      if (c == '>') return p + 1;
      if (c == '/') {
        if (p + 1 < n && in_[p + 1] == '>') {
          self_closing = true;
          return p + 2;
        }
        ++p;
        continue;
      }
      ++p;  // the first character of an attribute name may be anything, even '='
      while (p < n && !is_html_ws(static_cast<unsigned char>(in_[p])) && in_[p] != '/' && in_[p] != '>' &&
             in_[p] != '=')
        ++p;
      while (p < n && is_html_ws(static_cast<unsigned char>(in_[p]))) ++p;
      if (p < n && in_[p] == '=') {
        ++p;
        while (p < n && is_html_ws(static_cast<unsigned char>(in_[p]))) ++p;
        if (p < n && (in_[p] == '"' || in_[p] == '\'')) {
          const std::size_t q = in_.find(in_[p], p + 1);
          if (q == npos) return npos;
          p = q + 1;
        } else {
          while (p < n && !is_html_ws(static_cast<unsigned char>(in_[p])) && in_[p] != '>') ++p;
        }
      }
    }
    return npos;
  }

  // The start of "</name" (case-insensitive, followed by a tag-name terminator) at or after p.
  std::size_t find_end_tag(std::size_t p) const {
    const std::size_t n = in_.size();
    while ((p = in_.find("</", p)) != npos) {
      std::size_t k = 0;
      while (k < name_.size() && p + 2 + k < n && ascii_lower(in_[p + 2 + k]) == name_[k]) ++k;
      const std::size_t after = p + 2 + k;
      if (k == name_.size() &&
          (after >= n || is_html_ws(static_cast<unsigned char>(in_[after])) || in_[after] == '/' || in_[after] == '>'))
        return p;
      p += 2;
    }
    return npos;
  }

  bool matches(const Open& o) const { return o.tag == tag_ && (tag_ != GUMBO_TAG_UNKNOWN || o.name == name_); }

  // Index of the topmost open element satisfying `hit`, searching down from the top and giving
  // up at the first element satisfying `stop`; npos if none.
  template <class Hit, class Stop>
  std::size_t find_open(Hit hit, Stop stop) const {
    for (std::size_t i = open_.size(); i-- > 0;) {
      if (hit(open_[i])) return i;
      if (stop(open_[i])) return npos;
    }
    return npos;
  }

  std::size_t nearest_table() const {
    return find_open([](const Open& o) { return o.tag == GUMBO_TAG_TABLE; },
                     [](const Open& o) { return o.tag == GUMBO_TAG_TEMPLATE || o.tag == GUMBO_TAG_HTML; });
  }

  // Where the stack would be cut (new size) by closing an open <p> in button scope.
  std::size_t p_cut(std::size_t size) const {
    for (std::size_t i = size; i-- > 0;) {
      if (open_[i].tag == GUMBO_TAG_P) return i;
      if (is_scope_marker(open_[i].tag) || open_[i].tag == GUMBO_TAG_BUTTON) break;
    }
    return size;
  }

  void pop_to(std::size_t size) {
    while (open_.size() > size) {
      if (open_.back().tag == GUMBO_TAG_SVG || open_.back().tag == GUMBO_TAG_MATH) --foreign_;
      open_.pop_back();
    }
  }

  void start_tag(std::size_t begin, std::size_t end, bool self_closing) {
    const GumboTag t = tag_;
    if (t == GUMBO_TAG_HTML || t == GUMBO_TAG_HEAD || t == GUMBO_TAG_BODY || is_void(t) || is_raw_text(t) ||
        t == GUMBO_TAG_COLGROUP || t == GUMBO_TAG_FRAMESET)
      return;
    if (self_closing && (foreign_ > 0 || t == GUMBO_TAG_SVG || t == GUMBO_TAG_MATH)) return;
    std::size_t size = open_.size();  // the stack size after this tag's implied end tags
    const auto is_tag = [](GumboTag want) { return [want](const Open& o) { return o.tag == want; }; };
    const auto never = [](const Open&) { return false; };
    const auto scope = [](const Open& o) { return is_scope_marker(o.tag); };
    switch (t) {
      case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_TR: case GUMBO_TAG_TBODY: case GUMBO_TAG_THEAD:
      case GUMBO_TAG_TFOOT: case GUMBO_TAG_CAPTION: {
        const std::size_t table = nearest_table();
        if (table == npos) return;  // outside a table these start tags are ignored
        size = table + 1;
        for (std::size_t i = table + 1; i < open_.size(); ++i) {
          const GumboTag o = open_[i].tag;
          if ((t == GUMBO_TAG_TD || t == GUMBO_TAG_TH) && o == GUMBO_TAG_TR) size = i + 1;
          if ((t == GUMBO_TAG_TD || t == GUMBO_TAG_TH || t == GUMBO_TAG_TR) &&
              (o == GUMBO_TAG_TBODY || o == GUMBO_TAG_THEAD || o == GUMBO_TAG_TFOOT) && size <= i)
            size = i + 1;
        }
        break;
      }
      case GUMBO_TAG_TABLE: {
        const std::size_t ctx = find_open(
            [](const Open& o) {
              return o.tag == GUMBO_TAG_TABLE || o.tag == GUMBO_TAG_TD || o.tag == GUMBO_TAG_TH ||
                     o.tag == GUMBO_TAG_CAPTION;
            },
            never);
        if (ctx != npos && open_[ctx].tag == GUMBO_TAG_TABLE) size = ctx;  // <table> in a table closes it
        break;
      }
      case GUMBO_TAG_LI: case GUMBO_TAG_DD: case GUMBO_TAG_DT: {
        const std::size_t i = find_open(
            [t](const Open& o) {
              return t == GUMBO_TAG_LI ? o.tag == GUMBO_TAG_LI : (o.tag == GUMBO_TAG_DD || o.tag == GUMBO_TAG_DT);
            },
            [](const Open& o) {
              return is_special(o.tag) && o.tag != GUMBO_TAG_ADDRESS && o.tag != GUMBO_TAG_DIV && o.tag != GUMBO_TAG_P;
            });
        if (i != npos) size = i;
        size = p_cut(size);
        break;
      }
      case GUMBO_TAG_OPTION: case GUMBO_TAG_OPTGROUP:
        if (size > 0 && open_[size - 1].tag == GUMBO_TAG_OPTION) --size;
        if (t == GUMBO_TAG_OPTGROUP && size > 0 && open_[size - 1].tag == GUMBO_TAG_OPTGROUP) --size;
        break;
      case GUMBO_TAG_BUTTON: {
        const std::size_t i = find_open(is_tag(t), scope);
        if (i != npos) size = i;
        break;
      }
      case GUMBO_TAG_SELECT: {
        const std::size_t i = find_open(is_tag(GUMBO_TAG_SELECT), never);
        if (i != npos) {  // <select> inside a select acts as </select>
          pop_to(i);
          return;
        }
        break;
      }
      case GUMBO_TAG_FORM:
        if (find_open(is_tag(GUMBO_TAG_FORM), never) != npos) return;  // nested forms are ignored
        break;
      default:
        break;
    }
    if (closes_p(t) && t != GUMBO_TAG_LI && t != GUMBO_TAG_DD && t != GUMBO_TAG_DT) size = p_cut(size);
    if (is_heading(t) && size > 0 && is_heading(open_[size - 1].tag)) --size;
    if (size >= kMaxNesting) {
      neutralize(begin, end);
      return;
    }
    pop_to(size);
    open_.push_back({t, t == GUMBO_TAG_UNKNOWN ? name_ : std::string()});
    if (t == GUMBO_TAG_SVG || t == GUMBO_TAG_MATH) ++foreign_;
  }

  void end_tag() {
    const GumboTag t = tag_;
    if (t == GUMBO_TAG_HTML || t == GUMBO_TAG_HEAD || t == GUMBO_TAG_BODY || is_void(t) || is_raw_text(t)) return;
    std::size_t i = npos;
    if (t == GUMBO_TAG_P) {
      const std::size_t cut = p_cut(open_.size());
      if (cut != open_.size()) i = cut;
    } else if (is_table_part(t)) {
      i = find_open([this](const Open& o) { return matches(o); },
                    [t](const Open& o) { return t != GUMBO_TAG_TABLE && o.tag == GUMBO_TAG_TABLE; });
    } else if (is_heading(t)) {
      i = find_open([](const Open& o) { return is_heading(o.tag); }, [](const Open& o) { return is_scope_marker(o.tag); });
    } else if (is_special(t)) {
      i = find_open([this](const Open& o) { return matches(o); }, [](const Open& o) { return is_scope_marker(o.tag); });
    } else {
      i = find_open([this](const Open& o) { return matches(o); }, [](const Open& o) { return is_special(o.tag); });
    }
    if (i != npos) pop_to(i);
  }

  char* writable() {
    if (!changed_) {
      out_->assign(in_.data(), in_.size());
      changed_ = true;
    }
    return out_->data();
  }

  // A start tag [begin, end) becomes an end tag the tree builder ignores, of the same length.
  void neutralize(std::size_t begin, std::size_t end) {
    char* w = writable();
    if (end - begin < 4) {
      std::memcpy(w + begin, "</>", 3);
      return;
    }
    std::memcpy(w + begin, "</z", 3);
    std::fill(w + begin + 3, w + end - 1, ' ');
    w[end - 1] = '>';
  }

  std::string_view in_;
  std::string* out_ = nullptr;
  bool changed_ = false;
  std::vector<Open> open_;
  int foreign_ = 0;
  std::string name_;
  GumboTag tag_ = GUMBO_TAG_UNKNOWN;
};

}  // namespace

std::optional<std::string> guard_html_nesting(std::string_view html) {
  std::string guarded;
  if (!NestingLimiter(html).run(guarded)) return std::nullopt;
  return guarded;
}

}  // namespace nblint
