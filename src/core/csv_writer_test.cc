#include "core/csv_writer.h"

#include <gtest/gtest.h>

namespace tranche {
namespace {

std::string Record(std::string_view text) {
  std::string out;
  CsvRecordWriter(out).Text(text).Integer(-2000).End();
  return out;
}

TEST(CsvWriterTest, QuotesEveryFieldAndDoublesQuotes) {
  EXPECT_EQ(Record("cap_1"), "\"cap_1\",\"-2000\"\r\n");
  EXPECT_EQ(Record("a,b"), "\"a,b\",\"-2000\"\r\n");
  EXPECT_EQ(Record("say \"hi\""), "\"say \"\"hi\"\"\",\"-2000\"\r\n");
  EXPECT_EQ(Record("two\r\nlines"), "\"two\r\nlines\",\"-2000\"\r\n");
  EXPECT_EQ(Record(""), "\"\",\"-2000\"\r\n");
}

TEST(CsvWriterTest, NeutralisesTextThatRunsAsAFormula) {
  EXPECT_EQ(Record("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\",\"-2000\"\r\n");
  EXPECT_EQ(Record("+1"), "\"'+1\",\"-2000\"\r\n");
  EXPECT_EQ(Record("-1+2"), "\"'-1+2\",\"-2000\"\r\n");
  EXPECT_EQ(Record("@SUM(A1)"), "\"'@SUM(A1)\",\"-2000\"\r\n");
  EXPECT_EQ(Record("\tx"), "\"'\tx\",\"-2000\"\r\n");
  EXPECT_EQ(Record("a=b"), "\"a=b\",\"-2000\"\r\n");
}

TEST(CsvWriterTest, RecordsAppend) {
  std::string out;
  CsvRecordWriter(out).Text("h1").Text("h2").End();
  CsvRecordWriter w(out);
  w.Text("v1").Integer(7).End();
  w.Text("v2").Integer(0).End();
  EXPECT_EQ(out, "\"h1\",\"h2\"\r\n\"v1\",\"7\"\r\n\"v2\",\"0\"\r\n");
}

}  // namespace
}  // namespace tranche
