# The reference for `jaga analyze`: the same analysis in R (data.table's fread, t.test, wilcox.test,
# binom.test for the exact McNemar test, p.adjust, Cronbach's alpha by its formula), printed as JSON.
# Usage: Rscript bench/analyze.R FILE.csv
suppressPackageStartupMessages(library(data.table))
file <- commandArgs(trailingOnly = TRUE)[1]
d <- fread(file, colClasses = list(character = c("code", "phase")))
names(d) <- tolower(names(d))
reserved <- c("code", "phase", "group", "area", "session", "gender", "age_band", "how", "pair_id", "questionnaire")
all_items <- setdiff(names(d), reserved)
d[, code := toupper(trimws(code))]
d[, phase := c(pre = "pre", pretest = "pre", post = "post", posttest = "post")[tolower(trimws(phase))]]
column <- function(name) { x <- if (name %in% names(d)) trimws(as.character(d[[name]])) else rep("", nrow(d)); x[is.na(x)] <- ""; x }
# Codes pair within a session, a group and a questionnaire; a pair_id column (Jaga's export) names the
# pairs instead of the codes. Each questionnaire (test) is analysed on its own, on the columns named
# after it (test:item), else those its rows fill (in a file of one test: every item column).
# An empty cell is a question the skip logic did not show (docs/decisions/0010): missing, never wrong. A
# person's total is prorated over the items shown (sum * k / shown; the plain sum when all were shown); a
# pair with an answer shown none is left out of the score; each item uses the pairs shown it both times;
# alpha uses the rows shown every item.
d[, test. := column("questionnaire")]
d[, key. := paste(column("session"), column("group"), test., code, sep = "\r")]
d[, pair. := paste(column("session"), test., column("pair_id"), sep = "\r")]
d[, pid. := column("pair_id")]

num <- function(x) if (is.null(x) || length(x) == 0 || is.na(x)) "null" else sprintf("%.17g", x)
analyse <- function(d, single) {
named <- startsWith(all_items, paste0(d$test.[1], ":")) & d$test.[1] != ""
filled <- sapply(all_items, function(x) any(!is.na(d[[x]])))
items <- if (any(named)) all_items[named] else if (single) all_items else all_items[filled]
counts <- d[, .N, by = .(key., phase)]
dups <- unique(counts[N > 1, key.])
if ("pair_id" %in% names(d)) {
  pre <- d[phase == "pre" & pid. != ""]
  post <- d[phase == "post" & pid. != ""]
  paired <- merge(pre, post, by = "pair.", suffixes = c(".pre", ".post"))
} else {
  pre <- d[phase == "pre" & !(key. %in% dups)]
  post <- d[phase == "post" & !(key. %in% dups)]
  paired <- merge(pre, post, by = "key.", suffixes = c(".pre", ".post"))
}
n <- nrow(paired)
A <- matrix(as.numeric(as.matrix(paired[, paste0(items, ".pre"), with = FALSE])), nrow = n)
B <- matrix(as.numeric(as.matrix(paired[, paste0(items, ".post"), with = FALSE])), nrow = n)
dich <- all(A[!is.na(A)] %in% c(0, 1)) && all(B[!is.na(B)] %in% c(0, 1))
k <- length(items)
not_shown <- sum(is.na(A)) + sum(is.na(B))
prorated <- function(M) { s <- rowSums(M, na.rm = TRUE); m <- rowSums(!is.na(M)); ifelse(m == k, s, ifelse(m == 0, NA, s * k / m)) }
t_pre <- prorated(A)
t_post <- prorated(B)
keep <- !is.na(t_pre) & !is.na(t_post)
s_pre <- t_pre[keep]
s_post <- t_post[keep]
diff <- s_post - s_pre
tt <- t.test(s_post, s_pre, paired = TRUE)
wt <- wilcox.test(s_post, s_pre, paired = TRUE, exact = FALSE, correct = FALSE)
# R reports V = W+ and the p; z is recovered from the same normal approximation R used.
nz <- diff[diff != 0]
m <- length(nz)
r <- rank(abs(nz))
ties <- table(r)
z <- (sum(r[nz > 0]) - m * (m + 1) / 4) / sqrt(m * (m + 1) * (2 * m + 1) / 24 - sum(ties^3 - ties) / 48)
alpha <- function(M) {
  M <- M[complete.cases(M), , drop = FALSE]; kk <- ncol(M)
  if (nrow(M) < 2 || var(rowSums(M)) == 0) NA else kk / (kk - 1) * (1 - sum(apply(M, 2, var)) / var(rowSums(M)))
}
g <- ifelse(s_pre < k, (s_post - s_pre) / (k - s_pre), NA)
both <- !is.na(A) & !is.na(B)
mc <- sapply(seq_len(k), function(j) {
  b <- sum(A[, j] == 1 & B[, j] == 0, na.rm = TRUE); c <- sum(A[, j] == 0 & B[, j] == 1, na.rm = TRUE)
  if (b + c == 0) 1 else binom.test(min(b, c), b + c, 0.5)$p.value
})
holm <- p.adjust(mc, "holm")
out <- sprintf('{"pairs":%d,"dichotomous":%s,"score":{"pairs":%d,"pre":{"mean":%s,"sd":%s},"post":{"mean":%s,"sd":%s},',
  n, tolower(dich), length(s_pre), num(mean(s_pre)), num(sd(s_pre)), num(mean(s_post)), num(sd(s_post)))
out <- paste0(out, sprintf('"diff":{"mean":%s,"sd":%s,"ci95":[%s,%s]},"t_test":{"t":%s,"df":%s,"p":%s},"cohen_dz":%s,',
  num(mean(diff)), num(sd(diff)), num(tt$conf.int[1]), num(tt$conf.int[2]), num(tt$statistic), num(tt$parameter),
  num(tt$p.value), num(mean(diff) / sd(diff))))
gain <- if (dich) sprintf('{"mean":%s,"of_means":%s}', num(mean(g, na.rm = TRUE)),
  num((mean(s_post) - mean(s_pre)) / (k - mean(s_pre)))) else "null"
out <- paste0(out, sprintf('"wilcoxon":{"w_plus":%s,"n":%d,"z":%s,"p":%s},"n_gain":%s},',
  num(wt$statistic), m, num(z), num(wt$p.value), gain))
extra <- paste0(if (not_shown > 0) sprintf('"items_not_shown":%d,', not_shown) else "",
  if (sum(!keep) > 0) sprintf('"pairs_without_total":%d,', sum(!keep)) else "")
out <- paste0(out, extra, sprintf('"alpha":{"pre":%s,"post":%s},"items":[', num(alpha(A)), num(alpha(B))))
mcnemar <- if (dich) sprintf(',"mcnemar":{"p":%s,"p_holm":%s}', sapply(mc, num), sapply(holm, num)) else ""
item_mean <- function(M) sapply(seq_len(k), function(j) num(mean(M[both[, j], j])))
paste0(out, paste(sprintf('{"item":"%s","pre_mean":%s,"post_mean":%s%s}',
  items, item_mean(A), item_mean(B), mcnemar), collapse = ","), "]}")
}

tests <- sort(unique(d$test.))
if (length(tests) <= 1) {
  cat(analyse(d, TRUE), "\n", sep = "")
} else {
  cat('{"tests":{', paste(sprintf('"%s":%s', tests, sapply(tests, function(x) analyse(d[test. == x], FALSE))), collapse = ","), "}}\n", sep = "")
}
