#include <xuncha/rules/checkers.hpp>

namespace xuncha::rules {

std::span<const RuleInfo> input_rules() {
  static constexpr RuleInfo rules[] = {
      {"L001", "yaml-syntax", Severity::error, "—", "YAML 语法错误", "YAML syntax error",
       "文件不是合法的 YAML。请按提示的行列修正（常见原因：缩进使用制表符、括号未闭合、冒号后缺空格）。",
       "The file is not valid YAML. Fix it at the line and column shown (common causes: tab indentation, an unclosed bracket, a missing space after a colon)."},
      {"L002", "wrong-type", Severity::error, "—", "字段类型错误", "wrong type",
       "字段的值类型与格式要求不符，例如应为整数却写了文字，应为列表却写了映射。格式见 xuncha-data(5)。",
       "A value has the wrong type, e.g. text where an integer is expected, or a map where a list is expected. See xuncha-data(5)."},
      {"L003", "missing-field", Severity::error, "—", "缺少必填字段", "missing required field",
       "记录缺少必填字段（如地区的 class、人员的 unit）。", "A record lacks a required field (e.g. a region's class, a person's unit)."},
      {"L004", "unknown-field", Severity::error, "—", "未知字段", "unknown field",
       "出现了格式中没有的字段，多为拼写错误；程序不会猜测其含义，并给出最接近的字段名。",
       "A field the format does not define, usually a typo; xuncha never guesses and names the closest known field."},
      {"L005", "duplicate-id", Severity::error, "—", "编号重复", "duplicate id",
       "同一类记录中两个记录使用了同一编号（可能在不同文件中）；两处位置都会列出。",
       "Two records of one kind share an id (possibly in different files); both places are shown."},
      {"L006", "unknown-reference", Severity::error, "—", "引用不存在的编号", "reference to an unknown id",
       "记录引用了数据中不存在的编号（单位、地区、人员、巡查组或巡查），并给出最接近的编号。",
       "A record refers to an id that no record defines (unit, region, person, team or tour); the closest id is suggested."},
      {"L007", "bad-date", Severity::error, "—", "日期无效", "invalid date",
       "日期必须写作 YYYY-MM-DD 且真实存在（2026-02-30、2026/3/1 均无效），年份在 1900–2199 之间。",
       "Dates are ISO YYYY-MM-DD and must exist (2026-02-30 and 2026/3/1 are rejected), with years 1900–2199."},
      {"L008", "encoding", Severity::error, "—", "文件编码不是 UTF-8", "file is not UTF-8",
       "输入必须是 UTF-8（可带 BOM，可用 CRLF 换行）。GBK/GB18030 文件请先用 iconv 转换。",
       "Inputs must be UTF-8 (a BOM and CRLF line ends are fine). Convert GBK/GB18030 files with iconv first."},
      {"L009", "empty-file", Severity::error, "—", "文件或文档为空", "empty file or document",
       "文件中没有任何文档，或文档为空。每个文档都应以 kind: 和 version: 开头。",
       "The file holds no document, or a document is empty. Every document starts with kind: and version:."},
      {"L010", "unknown-kind", Severity::error, "—", "未知的 kind", "unknown kind",
       "kind 必须是 regions、units、people、appointments、teams、tours、policy、calendar、schedule 之一。",
       "kind must be one of regions, units, people, appointments, teams, tours, policy, calendar, schedule."},
      {"L011", "unknown-version", Severity::error, "—", "不支持的版本", "unsupported version",
       "本程序读取 version: 1 的文档。", "This xuncha reads documents of version: 1."},
      {"L012", "unreadable", Severity::error, "—", "无法读取输入", "unreadable input",
       "路径不存在、无权限、不是普通文件（文件夹、管道、设备）或文件过大。",
       "The path does not exist, is not permitted, is not a regular file (folder, FIFO, device), or is too large."},
      {"L013", "bad-value", Severity::error, "—", "取值无效", "invalid value",
       "值不在允许的集合或范围内（如 class、rank 的取值，数值范围，策略中的规则编号）。",
       "A value is outside its allowed set or range (class or rank names, numeric ranges, rule ids in a policy)."},
      {"L014", "duplicate-key", Severity::error, "—", "重复的键", "duplicate key",
       "同一映射中同一个键出现两次；YAML 规定键唯一，程序不会任选其一。",
       "The same key appears twice in one map; YAML requires unique keys and xuncha will not pick one."},
      {"L015", "resource-limit", Severity::error, "—", "超出安全限制", "resource limit exceeded",
       "嵌套过深或别名展开过多（如“十亿笑声”攻击），为保护程序而停止读取。",
       "Nesting too deep or too many alias expansions (e.g. a billion-laughs bomb); reading stopped to stay safe."},
  };
  return rules;
}

}  // namespace xuncha::rules
