// The four @stdlib distributions statistics.ts uses, as one CommonJS module it requires on first use.
// npm run build bundles this file with the ~430 small files of those packages into dist/dists.cjs:
// a compiled `jaga analyze` then reads one file instead of resolving and compiling 430 (~0.1 s of
// CPU on every run; issue 17). From source it simply requires the packages.
module.exports = {
  binomialCdf: require('@stdlib/stats-base-dists-binomial-cdf'),
  normalCdf: require('@stdlib/stats-base-dists-normal-cdf'),
  tCdf: require('@stdlib/stats-base-dists-t-cdf'),
  tQuantile: require('@stdlib/stats-base-dists-t-quantile'),
}
