// The service mode's pure parts on made-up inputs: URLs and request mixes, wrk's records and
// summary, per-second buckets, warmup and steady state from a simulated throughput curve, and
// the comparison across starts; plus the loopback probes against the in-process trivial server.

#include <gtest/gtest.h>
#include <unistd.h>

#include <random>

#include "bench/service/analysis.h"
#include "bench/service/port_check.h"
#include "bench/service/request_mix.h"
#include "bench/service/service_bench.h"
#include "bench/service/trivial_server.h"

namespace pypyready::bench::service {
namespace {

TEST(ServiceUrl, AcceptsLoopbackAndRejectsTheRest) {
  auto url = parse_url("http://localhost:8123/render?n=3");
  ASSERT_TRUE(url.ok());
  EXPECT_EQ(url->host, "127.0.0.1");
  EXPECT_EQ(url->port, 8123);
  EXPECT_EQ(url->path, "/render?n=3");
  EXPECT_EQ(parse_url("http://127.0.0.1:80")->path, "/");
  EXPECT_FALSE(parse_url("https://127.0.0.1:8443/").ok());
  EXPECT_NE(parse_url("http://example.com:80/").error().message.find("this machine"), std::string::npos);
  EXPECT_FALSE(parse_url("http://127.0.0.1:99999/").ok());
  EXPECT_FALSE(parse_url("http://127.0.0.1:8x/").ok());
}

TEST(ServiceMix, UrlsMustShareOneServer) {
  EXPECT_TRUE(mix_from_urls({"http://127.0.0.1:8000/a", "http://localhost:8000/b"}).ok());
  EXPECT_FALSE(mix_from_urls({"http://127.0.0.1:8000/a", "http://127.0.0.1:8001/b"}).ok());
  EXPECT_FALSE(mix_from_urls({}).ok());
}

TEST(ServiceMix, ParsesWeightsMethodsPathsAndBodies) {
  auto mix =
      parse_mix_file("# comment\n3 GET /a\nPOST http://127.0.0.1:9000/b {\"x\": 1}\n\n", "mix.txt", {});
  ASSERT_TRUE(mix.ok()) << mix.error().message;
  EXPECT_EQ(mix->endpoint.port, 9000);
  ASSERT_EQ(mix->entries.size(), 2u);
  EXPECT_EQ(mix->entries[0].weight, 3);
  EXPECT_EQ(mix->entries[0].path, "/a");
  EXPECT_EQ(mix->entries[1].method, "POST");
  EXPECT_EQ(mix->entries[1].body, "{\"x\": 1}");
}

TEST(ServiceMix, ErrorsNameTheFileAndLine) {
  auto bare = parse_mix_file("GET /a\n", "mix.txt", {});
  ASSERT_FALSE(bare.ok());
  EXPECT_NE(bare.error().message.find("mix.txt: only paths"), std::string::npos);
  auto method = parse_mix_file("GET /a\nfetch /b\n", "m", {"http://127.0.0.1:1/"});
  ASSERT_FALSE(method.ok());
  EXPECT_NE(method.error().message.find("m:2:"), std::string::npos);
  EXPECT_FALSE(parse_mix_file("0 GET /a\n", "m", {"http://127.0.0.1:1/"}).ok());
  EXPECT_FALSE(parse_mix_file("# nothing\n", "m", {"http://127.0.0.1:1/"}).ok());
}

TEST(ServiceMix, ScriptLinesSpreadTheWeights) {
  RequestMix mix;
  mix.entries = {{3, "GET", "/a", ""}, {1, "POST", "/b", "{}"}};
  EXPECT_EQ(script_lines(mix), "GET\t/a\t\nGET\t/a\t\nPOST\t/b\t{}\nGET\t/a\t\n");
}

TEST(ServiceLoad, ParsesRecordsAndDropsATornLastLine) {
  auto records = parse_records("100 20 200\n200 30.75 500\n300 4");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[1].status, 500);
  EXPECT_EQ(records[1].latency_us, 30);
}

TEST(ServiceLoad, ParsesWrkSummary) {
  auto totals = parse_wrk_summary(
      "Running 5s test @ http://127.0.0.1:8000/\n  12345 requests in 5.00s, 1.2MB read\n"
      "  Socket errors: connect 1, read 2, write 3, timeout 4\n  Non-2xx or 3xx responses: 17\n"
      "Requests/sec:   2469.00\n");
  EXPECT_EQ(totals.requests, 12345);
  EXPECT_EQ(totals.connect_errors, 1);
  EXPECT_EQ(totals.read_errors, 2);
  EXPECT_EQ(totals.write_errors, 3);
  EXPECT_EQ(totals.timeout_errors, 4);
  EXPECT_EQ(totals.status_errors, 17);
  EXPECT_DOUBLE_EQ(totals.requests_per_s, 2469.0);
}

TEST(ServicePerSecond, BucketsCountsErrorsAndPercentiles) {
  std::vector<LoadRecord> records;
  for (int i = 1; i <= 100; ++i)
    records.push_back({1000000 + i * 1000LL, i * 1000LL, 200});  // second 0: latencies 1..100 ms
  records.push_back({1500000, 0, 0});                            // a failed connection
  records.push_back({2500000, 5000, 503});                       // second 1: an error
  records.push_back({2600000, 7000, 200});
  records.push_back({9000000, 7000, 200});  // past the end
  auto seconds = bucket_seconds(records, 1000000, 2);
  ASSERT_EQ(seconds.size(), 2u);
  EXPECT_EQ(seconds[0].requests, 100);
  EXPECT_EQ(seconds[0].errors, 1);
  EXPECT_NEAR(seconds[0].p50_s, 0.0505, 1e-9);
  EXPECT_NEAR(seconds[0].p99_s, 0.09901, 1e-6);
  EXPECT_DOUBLE_EQ(seconds[0].max_s, 0.1);
  EXPECT_EQ(seconds[1].requests, 1);
  EXPECT_EQ(seconds[1].errors, 1);
  attach_rss(seconds, {{0.2, 10}, {0.9, 30}, {1.5, 20}, {7.0, 99}});
  EXPECT_EQ(seconds[0].rss_bytes, 30u);
  EXPECT_EQ(seconds[1].rss_bytes, 20u);
  EXPECT_EQ(status_counts(records).at(0), 1);
}

TEST(ServiceAnalysis, RequestTimesCarryEmptySeconds) {
  std::vector<SecondStats> seconds(3);
  seconds[0].requests = 2;
  seconds[2].requests = 4;
  auto times = request_times(seconds);
  ASSERT_EQ(times.size(), 6u);
  EXPECT_DOUBLE_EQ(times[0], 0.5);
  EXPECT_DOUBLE_EQ(times[2], 1.25);  // the empty second plus a quarter
  double total = 0;
  for (double t : times)
    total += t;
  EXPECT_DOUBLE_EQ(total, 3.0);
}

// A simulated start: `warm_s` seconds at `cold` requests/s, then `hot` requests/s, with noise.
StartRecord simulated_start(double cold, double hot, int warm_s, int seconds, std::mt19937& rng) {
  std::normal_distribution<double> noise(1.0, 0.02);
  StartRecord start;
  start.ok = true;
  start.ready_s = 0.5;
  std::vector<LoadRecord> records;
  for (int s = 0; s < seconds; ++s) {
    double rate = (s < warm_s ? cold : hot) * noise(rng);
    int n = static_cast<int>(rate);
    for (int i = 0; i < n; ++i)
      records.push_back({s * 1000000LL + i * 1000000LL / n, static_cast<std::int64_t>(8e6 / rate), 200});
  }
  start.seconds = bucket_seconds(records, 0, seconds);
  start.statuses = status_counts(records);
  analyse_start(start, records, 0);
  return start;
}

std::vector<ServiceSide> two_sides() {
  std::vector<ServiceSide> sides(2);
  sides[0].id = "cpython";
  sides[1].id = "pypy";
  return sides;
}

// A run with both sides and no starts yet, far below wrk's ceiling.
ServiceResult two_sided_run() {
  ServiceResult result;
  result.connections = 8;
  result.ceiling_rps = 100000;
  result.sides = two_sides();
  return result;
}

TEST(ServiceAnalysis, FindsWarmupSteadyStateAndSpeedup) {
  std::mt19937 rng(7);
  ServiceResult result = two_sided_run();
  for (int k = 0; k < 3; ++k) {
    result.sides[0].starts.push_back(simulated_start(1000, 1000, 0, 20, rng));
    result.sides[1].starts.push_back(simulated_start(400, 3000, 5, 20, rng));
  }
  summarise_service(result);
  const ServiceSide& cpython = result.sides[0];
  const ServiceSide& pypy = result.sides[1];
  EXPECT_EQ(cpython.classification, "flat");
  EXPECT_EQ(pypy.classification, "warmup");
  EXPECT_NEAR(pypy.seconds_to_steady, 5, 1);
  EXPECT_NEAR(pypy.steady_rps, 3000, 100);
  EXPECT_NEAR(pypy.first_second_rps, 400, 20);
  ASSERT_EQ(result.comparisons.size(), 1u);
  const auto& comparison = result.comparisons[0];
  ASSERT_TRUE(comparison.throughput.has_value());
  EXPECT_LT(comparison.throughput->low, 3.0);
  EXPECT_GT(comparison.throughput->high, 3.0);
  ASSERT_TRUE(comparison.p99_latency.has_value());
  EXPECT_GT(comparison.p99_latency->estimate, 2.5);  // latency 8 ms / rate: 3x lower when warm
  // PyPy serves 2000 requests in its 5 cold seconds against CPython's 5000: it catches up
  // after 3000 / (3000 - 1000) = 1.5 s more, about 7 s after the start.
  ASSERT_TRUE(comparison.break_even.has_value());
  EXPECT_NEAR(comparison.break_even->seconds, 7, 0.7);
  EXPECT_TRUE(result.warnings.empty()) << result.warnings.front();
}

TEST(ServiceAnalysis, StartsArePairedByRound) {
  // The machine served 30 % slower during rounds 1 and 3, under both interpreters: paired by
  // round, the ratio (3x in every round) stays tight; Welch on the same starts would not.
  std::mt19937 rng(11);
  ServiceResult result = two_sided_run();
  for (double speed : {1.0, 0.7, 1.0, 0.7}) {
    result.sides[0].starts.push_back(simulated_start(1000 * speed, 1000 * speed, 0, 10, rng));
    result.sides[1].starts.push_back(simulated_start(3000 * speed, 3000 * speed, 0, 10, rng));
  }
  summarise_service(result);
  ASSERT_TRUE(result.comparisons[0].throughput.has_value());
  const stats::Ratio& paired = *result.comparisons[0].throughput;
  EXPECT_NEAR(paired.estimate, 3.0, 0.05);
  EXPECT_LT(paired.high / paired.low, 1.05);
  std::vector<double> base, cand;
  for (std::size_t k = 0; k < 4; ++k) {
    base.push_back(1 / result.sides[0].starts[k].steady_rps);
    cand.push_back(1 / result.sides[1].starts[k].steady_rps);
  }
  auto welch = stats::welch_speedup(base, cand);
  ASSERT_TRUE(welch.has_value());
  EXPECT_GT(welch->high / welch->low, 1.3);
}

TEST(ServiceAnalysis, WithoutSteadyStateTheSecondHalfCounts) {
  // 19 s at about 1000/s and a dip to 300/s in the last second.
  StartRecord start;
  std::vector<LoadRecord> records;
  for (int s = 0; s < 20; ++s) {
    int n = s == 19 ? 300 : (s % 2 == 0 ? 980 : 1020);
    for (int i = 0; i < n; ++i)
      records.push_back({s * 1000000LL + i * 1000000LL / n, 1000, 200});
  }
  start.seconds = bucket_seconds(records, 0, 20);
  analyse_start(start, records, 0);
  // Either the dip is too short a final segment (no steady state: the second half counts) or it
  // is an outlier of a flat run; never does the dip alone stand for the server.
  if (start.analysis.classification == "no-steady-state") {
    EXPECT_NEAR(start.steady_rps, (9 * 1000 + 300) / 10.0, 30);
  } else {
    EXPECT_GT(start.steady_rps, 900) << start.analysis.classification;
  }
}

TEST(ServiceAnalysis, WarnsNearTheCeilingAndAboutErrors) {
  std::mt19937 rng(3);
  ServiceResult result;
  result.connections = 4;
  result.ceiling_rps = 1500;
  result.sides = two_sides();
  result.sides[0].starts.push_back(simulated_start(1000, 1000, 0, 10, rng));
  result.sides[0].starts[0].errors = 5;
  result.sides[0].starts[0].statuses[500] = 5;
  StartRecord crashed;
  crashed.problem = "the server died under load after 2.0 s (killed by signal 11)";
  result.sides[1].starts.push_back(crashed);
  summarise_service(result);
  EXPECT_FALSE(result.sides[1].ok);
  EXPECT_NE(result.sides[1].reason.find("died under load"), std::string::npos);
  std::string all;
  for (const auto& warning : result.warnings)
    all += warning + "\n";
  EXPECT_NE(all.find("ceiling"), std::string::npos) << all;
  EXPECT_NE(all.find("HTTP 500 x 5"), std::string::npos) << all;
  EXPECT_FALSE(result.comparisons.at(0).throughput.has_value());
}

TEST(ServiceCommand, SplitsAndSubstitutes) {
  auto words = split_command("python app.py --name 'a b' \"{python}\" --py={python}");
  ASSERT_TRUE(words.ok());
  auto argv = command_for(*words, "/usr/bin/pypy3");
  std::vector<std::string> expected{"/usr/bin/pypy3",     "app.py", "--name", "a b", "/usr/bin/pypy3",
                                    "--py=/usr/bin/pypy3"};
  EXPECT_EQ(argv, expected);
  EXPECT_FALSE(split_command("python 'open").ok());
  EXPECT_FALSE(split_command("   ").ok());
}

TEST(ServicePorts, ProbesTheTrivialServerAndNamesItsHolder) {
  auto server = TrivialServer::start();
  ASSERT_TRUE(server.ok()) << server.error().message;
  int port = (*server)->port();
  EXPECT_TRUE(accepts_connections("127.0.0.1", port, std::chrono::milliseconds(500)));
  EXPECT_EQ(http_status("127.0.0.1", port, "/", std::chrono::milliseconds(1000)).value_or(-1), 200);
  EXPECT_NE(port_holder(port).find("pid " + std::to_string(::getpid())), std::string::npos)
      << port_holder(port);
  server->reset();
  EXPECT_FALSE(accepts_connections("127.0.0.1", port, std::chrono::milliseconds(200)));
  EXPECT_EQ(port_holder(port), "");
}

}  // namespace
}  // namespace pypyready::bench::service
