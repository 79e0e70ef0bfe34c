#!/usr/bin/env bash
# cticache load benchmark: one command, from a fresh clone. See docs/benchmarks.md.
#
# Builds cticache.war, a small ceiling WAR (bench/ceiling) and the stock containers the pom unpacks; starts its own
# redis-server and one container (Jetty 12 by default, Tomcat 10.1 with --tomcat) with both WARs; drives load with
# wrk (bench/wrk/*.lua); measures the ceilings (the same container serving a constant and one Redis SET, and
# redis-benchmark against the same Redis); prints one markdown table and saves it, with every raw output, under
# target/bench/<timestamp>-<container>/. Never part of `mvn verify`.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: bench/run.sh [--tomcat] [--duration SECONDS] [--warmup SECONDS] [--connections "1 16 64 256"]
                    [--threads N] [--redis-pool N] [--rounds N] [--profile] [--node] [--scale]
                    [--rtt "0 10 50" [--target-rate R]]

  --tomcat           run cticache in Tomcat 10.1 instead of Jetty 12
  --duration N       seconds per measured wrk run (default 10)
  --jit-warmup N     seconds of the transfer cycle at 64 connections before anything is measured (default 180,
                     0 with --scale, 30 per stage with --rtt): C2 keeps compiling Jersey's and Jetty's paths for
                     minutes, and cticache's throughput more than doubles meanwhile
  --warmup N         seconds of warm-up at 64 connections before each scenario (default 10)
  --connections L    connection levels, space-separated (default "1 16 64 256"); wrk threads = min(conns, 2).
                     The ratios and the targets read the 64-connection level, so keep 64 in the list.
  --threads N        the container's request thread pool, as the deploy guides size it (default 4 per core);
                     0 keeps the container's own default (200)
  --redis-pool N     cticache.redis.pool.max-total, the most connections to Redis (default: cticache's, 64)
  --rounds N         paired rounds at 64 connections after the levels (default 3): the one-SET servlet, the
                     one-SET Jersey resource, POST, GET /health, the cycle and, with --node, Node's cycle (one
                     process per core) back to back, N times; the targets read the median of the rounds' ratios,
                     as a shared machine's speed drifts between scenarios
  --node             also run the transfer cycle against the original design, bench/node (Node.js + Express +
                     Redis, one process and one per core), on the same Redis; needs node and npm. Without it
                     the report says that the targets against Node were not measured
  --profile          record the container JVM with JFR from its start (bench/cpu.jfc: execution samples
                     every 10 ms, monitor waits of 10 ms or more) and report the 64-connection cycle run's
                     window: where the CPU went by layer, and the hottest methods
  --scale            only the scale table, in a few minutes: POST at 64 connections to a pool of 100 numbers,
                     one of 10,000 as a range and one of 10,000 scattered numbers, by one caller holding none
                     (a fresh caller per POST), 99% (POST, then DELETE what it got) or all of the pool (every
                     POST answers 503); requests/s, and Redis's main-thread CPU, commands and bytes received per
                     call. Then the memory figure. --connections, --rounds and --node do not apply
  --startup N        only the warm-up curve: from the container's start, the transfer cycle at 64 connections in
                     consecutive --duration slices for N seconds (no JIT warm-up), each slice's requests/s and
                     p99 against the last minute's; with --startup-health S, S seconds of GET /health first, as
                     a warm-up on deploy would run. The time the container took to answer /health is reported
  --startup-health S seconds of GET /health load between the start and the curve (default 0), see --startup
  --rtt "L"          only the round-trip table: Redis in a network namespace of its own, behind a delay relay
                     (bench/delay/DelayRelay.java) holding every chunk RTT/2 each way, for each RTT in the list
                     (ms). First 0 ms straight to Redis (its rate is the ceiling, its latency at 1 connection the
                     service time S) and 0 ms through the relay (the relay's own cost); then each RTT above 0
                     with threads and pool sized by Little's law, unless --threads or --redis-pool are given:
                     in flight = R x (RTT + S), R from --target-rate, by default the 0 ms rate. Each stage
                     restarts the container and warms it up (--jit-warmup, 30 s by default here), then runs
                     the transfer cycle at each of --connections (default: 64 and the sized in-flight count).
                     Per row: requests/s against min(request threads, pool, connections) / (RTT + S). Needs ip
                     (iproute2) and root
  --target-rate R    with --rtt: the requests/s to size threads and pool for (default: the 0 ms rate measured)
  --jvm-options "…"  JVM options added after the guides' own (for example class data sharing or tiered
                     compilation flags, to measure what they change)
  --help             this text

Targets (issue 15), at 64 connections: the cycle at least 1.5x the requests/s of Node with one process per core,
with at most a third of its p99; POST alone at least 60% of the one-SET Jersey resource; no errors at any level.
Every wrk run also records the CPU time per request of each side: the server under test, redis-server and wrk.

Needs wrk, redis-server, redis-benchmark, redis-cli (Debian: wrk redis-server redis-tools), a JDK 17 (java,
javac, jar, jcmd, jfr), mvn, curl, python3, ps (procps), envsubst (gettext-base) and GNU time as /usr/bin/time
(time). Run as root it installs missing Debian packages with apt-get; otherwise it prints the command and exits 2.
EOF
}

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH=$ROOT/bench
DEPLOY=$ROOT/src/deploy   # the deploy guides' configuration files, which the tests deploy too
CONTAINER=jetty
DURATION=10
LEVELS="1 16 64 256"
PROFILE=0
NODE=0
ROUNDS=3
WARMUP=10
JIT_WARMUP=        # 180, or 0 with --scale, unless given
SCALE=0
STARTUP=0          # seconds of the warm-up curve; 0 runs the usual benchmark
STARTUP_HEALTH=0
EXTRA_JVM_OPTS=
THREADS=$(( 4 * $(nproc) ))
THREADS_GIVEN=0
REDIS_POOL=        # cticache.redis.pool.max-total; empty leaves cticache's default
RTTS=              # --rtt: round-trip times in ms; empty runs the usual benchmark
TARGET_RATE=
LEVELS_GIVEN=0
CLK_TCK=$(getconf CLK_TCK)   # the unit of utime and stime in /proc/<pid>/stat
# The deploy guides' JVM options, the same for every run and both containers: a fixed heap (so that the heap figure
# means the same thing) and the throughput collector (see docs/deploy-tomcat.md, JVM options).
JVM_OPTS="-Xms512m -Xmx512m -XX:+UseParallelGC"
# Pools: a large default pool, so POST never runs out, and pool bench with one DNIS, so that the GET-only phase
# knows its keys (ANI n posted to pool bench is <BENCH_DNIS>:n).
DEFAULT_POOL=5550000000-5550000999
POST_POOL=5551000000-5551000999   # pool post: POST alone's (see bench/wrk/post.lua)
BENCH_DNIS=5559990000
PREFILL=2000
PREFILL_BASE=100000000 # GET phase ANIs: 100000001 .. 100002000
MEMORY_ENTRIES=100000
MEMORY_BASE=200000000  # memory phase ANIs: 200000001 .. 200100000
# --scale: pools of 100 and 10,000 numbers as ranges (the third, scattered, comes from scattered_pool); the one
# caller of pool i is SCALE_ANI_BASE+i; fresh callers' and cycled entries live SCALE_TTL seconds.
SCALE_POOL_100=5560000000-5560000099
SCALE_POOL_RANGE=5570000000-5570009999
SCALE_ANI_BASE=300000000
SCALE_TTL=5
JETTY_VERSION=12.0.30
TOMCAT_VERSION=10.1.59

while [[ $# -gt 0 ]]; do
  case $1 in
    --tomcat) CONTAINER=tomcat ;;
    --duration) DURATION=${2:?--duration needs a number}; shift ;;
    --warmup) WARMUP=${2:?--warmup needs a number}; shift ;;
    --jit-warmup) JIT_WARMUP=${2:?--jit-warmup needs a number}; shift ;;
    --connections) LEVELS=${2:?--connections needs a list}; LEVELS_GIVEN=1; shift ;;
    --threads) THREADS=${2:?--threads needs a number}; THREADS_GIVEN=1; shift ;;
    --redis-pool) REDIS_POOL=${2:?--redis-pool needs a number}; shift ;;
    --rtt) RTTS=${2:?--rtt needs a list of milliseconds}; shift ;;
    --target-rate) TARGET_RATE=${2:?--target-rate needs requests/s}; shift ;;
    --rounds) ROUNDS=${2:?--rounds needs a number}; shift ;;
    --profile) PROFILE=1 ;;
    --node) NODE=1 ;;
    --scale) SCALE=1 ;;
    --startup) STARTUP=${2:?--startup needs a number of seconds}; shift ;;
    --startup-health) STARTUP_HEALTH=${2:?--startup-health needs a number of seconds}; shift ;;
    --jvm-options) EXTRA_JVM_OPTS=${2:?--jvm-options needs options}; shift ;;
    --help|-h) usage; exit 0 ;;
    *) echo "unknown option: $1" >&2; usage >&2; exit 64 ;;
  esac
  shift
done
[[ $DURATION =~ ^[1-9][0-9]*$ ]] || { echo "--duration must be a whole number of seconds" >&2; exit 64; }
if [[ -z $JIT_WARMUP && -n $RTTS ]]; then
  JIT_WARMUP=30   # --rtt restarts the container for every stage: 30 s each keeps a run within minutes
fi
JIT_WARMUP=${JIT_WARMUP:-$(( SCALE || STARTUP ? 0 : 180 ))}
[[ $STARTUP =~ ^[0-9]+$ && $STARTUP_HEALTH =~ ^[0-9]+$ ]] \
  || { echo "--startup and --startup-health take whole numbers of seconds" >&2; exit 64; }
[[ -z $EXTRA_JVM_OPTS ]] || JVM_OPTS="$JVM_OPTS $EXTRA_JVM_OPTS"
[[ $WARMUP =~ ^[0-9]+$ ]] || { echo "--warmup must be a whole number of seconds" >&2; exit 64; }
[[ $JIT_WARMUP =~ ^[0-9]+$ ]] || { echo "--jit-warmup must be a whole number of seconds" >&2; exit 64; }
[[ $ROUNDS =~ ^[0-9]+$ ]] || { echo "--rounds must be a whole number" >&2; exit 64; }
[[ $THREADS =~ ^[0-9]+$ && ( $THREADS -eq 0 || $THREADS -ge 4 ) ]] \
  || { echo "--threads must be 0 (the container's default) or at least 4" >&2; exit 64; }
[[ -z $REDIS_POOL || $REDIS_POOL =~ ^[1-9][0-9]*$ ]] \
  || { echo "--redis-pool must be a whole number from 1" >&2; exit 64; }
[[ -z $RTTS || $RTTS =~ ^\ *[0-9]+(\ +[0-9]+)*\ *$ ]] \
  || { echo "--rtt takes whole milliseconds, space-separated" >&2; exit 64; }
[[ -z $TARGET_RATE || ( -n $RTTS && $TARGET_RATE =~ ^[1-9][0-9]*$ ) ]] \
  || { echo "--target-rate takes whole requests/s, with --rtt" >&2; exit 64; }
[[ -z $RTTS || $(id -u) -eq 0 ]] || { echo "--rtt needs root, for the network namespace" >&2; exit 64; }
[[ -z $RTTS || $THREADS -ne 0 ]] \
  || { echo "--rtt counts the request threads: give --threads as a number" >&2; exit 64; }
# JFR keeps 64 frames by default; Jersey's stacks are deeper, and cut stacks hide who called what.
# JFR runs from the start (see bench/cpu.jfc); the measured run is recorded as a second recording.
[[ $PROFILE -eq 0 ]] || JVM_OPTS="$JVM_OPTS -XX:FlightRecorderOptions=stackdepth=256 \
-XX:StartFlightRecording=name=bench,settings=$BENCH/cpu.jfc"

OUT=$ROOT/target/bench/$(date +%Y%m%d-%H%M%S)-$CONTAINER
RAW=$OUT/raw
mkdir -p "$RAW"
# scenario, conns, requests/s, cycles/s, p50, p99, p99.9 (ms), errors, then the CPU time per completed request in
# µs of the server under test (the container's JVM, or Node's processes), redis-server and wrk (see run_wrk);
# redis-benchmark's rows leave the last three, and the figures wrk does not give, empty.
RESULTS=$OUT/results.tsv
# --scale: pool, holds, seconds, requests, DELETEs, 503s, errors, then redis_usage before and after
SCALE_RESULTS=$OUT/scale.tsv
FACTS=$OUT/facts.env       # single figures for the report: memory, heap, versions
: > "$RESULTS"
: > "$SCALE_RESULTS"
: > "$FACTS"

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }
fact() { printf '%s=%q\n' "$1" "$2" >> "$FACTS"; }

# ---------------------------------------------------------------------------------------------------------------
# Processes: everything started here is remembered by PID and stopped on exit, Ctrl-C or failure.
PIDS=()
NETNS=   # --rtt: the network namespace Redis runs in, and the root namespace's end of its veth pair
VETH=

stop_process() { # pid
  kill -0 "$1" 2>/dev/null || return 0
  kill -TERM "$1" 2>/dev/null || true
  # The container stops its web applications on SIGTERM (closing their Redis pools); give it time.
  for _ in $(seq 1 50); do kill -0 "$1" 2>/dev/null || break; sleep 0.2; done
  kill -KILL "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  local i
  for (( i=${#PIDS[@]}-1; i>=0; i-- )); do
    stop_process "${PIDS[i]}"
  done
  wait 2>/dev/null || true
  # Deleting the namespace deletes its end of the veth pair, and with it the other end; the link is deleted on
  # its own in case the run stopped before its end moved into the namespace.
  if [[ -n $NETNS ]]; then
    ip netns delete "$NETNS" 2>/dev/null || true
    ip link delete "$VETH" 2>/dev/null || true
  fi
  [[ $status -eq 0 ]] || log "stopped everything it started; logs and raw outputs are in $OUT"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------------------------------------------------------
check_prerequisites() {
  local missing=() packages=() cmd
  for cmd in wrk redis-server redis-benchmark redis-cli java javac jar jcmd jfr mvn curl python3 ps envsubst \
      /usr/bin/time ${RTTS:+ip}; do
    command -v "$cmd" >/dev/null || missing+=("$cmd")
  done
  [[ ${#missing[@]} -eq 0 ]] && return
  for cmd in "${missing[@]}"; do
    case $cmd in
      wrk) packages+=(wrk) ;;
      redis-server) packages+=(redis-server) ;;
      redis-benchmark|redis-cli) packages+=(redis-tools) ;;
      java|javac|jar|jcmd|jfr) packages+=(openjdk-17-jdk-headless) ;;
      mvn) packages+=(maven) ;;
      curl) packages+=(curl) ;;
      python3) packages+=(python3) ;;
      ps) packages+=(procps) ;;
      envsubst) packages+=(gettext-base) ;;
      /usr/bin/time) packages+=(time) ;;
      ip) packages+=(iproute2) ;;
    esac
  done
  mapfile -t packages < <(printf '%s\n' "${packages[@]}" | sort -u)
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    log "installing ${packages[*]} (missing: ${missing[*]})"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
  else
    echo "missing: ${missing[*]}. Install them first, for example:" >&2
    echo "  sudo apt-get install ${packages[*]}" >&2
    exit 2
  fi
}

java_home() {
  echo "${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Waits until a URL answers the expected status (curl's extra arguments after it), or the process died.
await_http() {
  local url=$1 want=$2 pid=$3 what=$4; shift 4
  for _ in $(seq 1 240); do
    kill -0 "$pid" 2>/dev/null || die "$what exited during start-up"
    [[ $(curl -s -o /dev/null -w '%{http_code}' "$@" "$url" || true) == "$want" ]] && return 0
    sleep 0.5
  done
  die "$what did not answer $want at $url within 120 s"
}

# ---------------------------------------------------------------------------------------------------------------
build() {
  log "building cticache.war and unpacking the stock containers (mvn)"
  (cd "$ROOT" && mvn -q -B -DskipTests package && mvn -q -B dependency:unpack@unpack-containers) \
    > "$OUT/build.log" 2>&1 || { tail -30 "$OUT/build.log" >&2; die "mvn build"; }
  WAR=$ROOT/target/cticache.war
  [[ -f $WAR ]] || die "no $WAR after mvn package"

  log "building ceiling.war (bench/ceiling)"
  local dir=$OUT/ceiling classpath
  mkdir -p "$dir/war/WEB-INF/classes" "$dir/war/WEB-INF/lib"
  (cd "$ROOT" && mvn -q -B dependency:build-classpath -Dmdep.outputFile="$dir/classpath.txt") >> "$OUT/build.log" 2>&1 \
    || die "mvn dependency:build-classpath"
  classpath=$(cat "$dir/classpath.txt")
  javac --release 17 -d "$dir/war/WEB-INF/classes" -cp "$classpath" \
    $(find "$BENCH/ceiling/src" -name '*.java') || die "javac of the ceiling servlets"
  cp "$BENCH/ceiling/webapp/WEB-INF/web.xml" "$dir/war/WEB-INF/"
  # The very jars cticache.war ships, so both WARs talk to Redis through the same client and the Jersey ceiling
  # runs the same Jersey and Jackson.
  cp "$ROOT"/target/cticache/WEB-INF/lib/*.jar "$dir/war/WEB-INF/lib/"
  CEILING_WAR=$dir/ceiling.war
  jar --create --file "$CEILING_WAR" -C "$dir/war" .
}

# Redis listens on REDIS_HOST: the loopback address, or with --rtt its namespace's end of the veth pair, where
# IN_REDIS_NETNS starts it (ip netns exec execs it, so $! is Redis's own PID).
REDIS_HOST=127.0.0.1
IN_REDIS_NETNS=()

start_redis() {
  REDIS_PORT=$(free_port)
  mkdir -p "$OUT/redis"
  # No persistence: the benchmark measures the service, not fsync or fork. Without a password, protected mode
  # would refuse every client not on loopback, the veth's too; only this machine reaches either address.
  "${IN_REDIS_NETNS[@]}" redis-server --bind "$REDIS_HOST" --port "$REDIS_PORT" --protected-mode no --save '' \
    --appendonly no --dir "$OUT/redis" --logfile "$OUT/redis/redis.log" &
  REDIS_PID=$!
  PIDS+=("$REDIS_PID")
  REDIS=(redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT")
  REDIS_URI=redis://$REDIS_HOST:$REDIS_PORT
  for _ in $(seq 1 50); do "${REDIS[@]}" ping >/dev/null 2>&1 && break; sleep 0.1; done
  "${REDIS[@]}" ping >/dev/null || die "redis-server did not start (see $OUT/redis/redis.log)"
  log "redis-server $(redis-server --version | grep -o 'v=[0-9.]*') on port $REDIS_PORT"
}

# A long random password, as the deploy guides recommend for every machine account.
new_password() {
  python3 -c 'import secrets; print(secrets.token_urlsafe(24))'
}

# The benchmark logs in as the guides' account ops, which has role cticache; their other accounts get passwords
# that nobody uses.
make_account() {
  BENCH_USER=ops
  PASSWORD=$(new_password)
  BENCH_AUTH=$(printf '%s:%s' "$BENCH_USER" "$PASSWORD" | base64 -w0)
  CURL_AUTH=(-u "$BENCH_USER:$PASSWORD")
}

# A configuration file of the deploy guides, src/deploy/<container>/<file>, on stdout, with the guides' shell
# variables in it, ${NAME}, replaced by this shell's exported ones; none may be missing. Only those: the files
# hold other dollar signs, such as ${catalina.base}, for the container.
deploy_file() { # container file
  local source=$DEPLOY/$1/$2 names name
  names=$(grep -o '\${[A-Z][A-Z0-9_]*}' "$source" | sort -u | tr '\n' ' ' || true)
  for name in $names; do
    name=${name:2:-1}
    printenv "$name" > /dev/null || die "$1/$2 needs the variable $name"
  done
  envsubst "$names" < "$source"
}

# cticache's settings, as system properties on the container's command line (the benchmark's Redis has no
# password). The benchmark speaks plain HTTP, without the guides' TLS proxy. cticache refuses a setting given two
# ways, so the guides' context files go in without their settings (without_settings).
without_settings() {
  perl -0pe 's#\s*<Parameter name="cticache\.[^"]*"[^>]*/>##g; s#\s*<context-param>\s*<param-name>cticache\..*?</context-param>##gs'
}

# One line: Tomcat's setenv.sh takes them inside one quoted CATALINA_OPTS, where a line break splits the command.
cticache_properties() {
  local properties=("-Dcticache.redis.uri=$REDIS_URI" -Dcticache.tls.required=false
    "-Dcticache.dnis.pool=$DEFAULT_POOL" "-Dcticache.dnis.pool.post=$POST_POOL" "-Dcticache.dnis.pool.bench=$BENCH_DNIS"
    -Dcticache.ttl.default=60 -Dcticache.ttl.max=3600)
  [[ -z $REDIS_POOL ]] || properties+=("-Dcticache.redis.pool.max-total=$REDIS_POOL")
  [[ $SCALE -eq 0 ]] || properties+=("-Dcticache.dnis.pool.scale_100=$SCALE_POOL_100"
    "-Dcticache.dnis.pool.scale_range=$SCALE_POOL_RANGE")
  echo "${properties[*]}"
}

# 10,000 distinct 10-digit numbers with gaps, in no order, the same every run: a pool no range can spell.
scattered_pool() {
  python3 -c 'import random
print(",".join(str(n) for n in random.Random(7).sample(range(5580000000, 5590000000), 10000)))'
}

# Jetty 12 as docs/deploy-jetty.md sets it up, from its files in src/deploy/jetty: a jetty-base with http and
# ee10-deploy (no request log, Jetty's default; not behind a proxy), the context XML binding a HashLoginService named
# cticache to the guide's realm file, the audit log in a file. The ceiling WAR's context binds the same realm.
start_jetty() {
  local home=$ROOT/target/containers/jetty-home-$JETTY_VERSION base=$OUT/jetty-base$BASE_TAG account password file
  [[ -f $home/start.jar ]] || die "no $home (mvn dependency:unpack@unpack-containers)"
  HTTP_PORT=$(free_port)
  mkdir -p "$base"/{start.d,webapps,etc,logs,work}
  # MD5: is the cheap form the guide accepts for a long random machine password; Jetty's own tool makes it.
  for account in ivr router ops prometheus; do
    password=$PASSWORD
    [[ $account == "$BENCH_USER" ]] || password=$(new_password)
    export "${account^^}_HASH=$(java -cp "$home/lib/jetty-util-$JETTY_VERSION.jar" \
      org.eclipse.jetty.util.security.Password "$account" "$password" 2>&1 | grep '^MD5:')"
  done
  # CRYPTO_KEY_FILE only fills the guides' files: without_settings drops the setting (values stored in clear).
  export LISTEN_ADDRESS=127.0.0.1 HTTP_PORT THREADS REDIS_URI CRYPTO_KEY_FILE=/dev/null
  for file in start.d/http.ini start.d/ee10-deploy.ini webapps/cticache.xml etc/cticache-realm.properties \
      etc/cticache-logging.properties; do
    deploy_file jetty "$file" > "$base/$file"
  done
  deploy_file jetty etc/cticache-override-web.xml | without_settings > "$base/etc/cticache-override-web.xml"
  # --threads 0: the container's own default, without the guide's thread pool lines.
  [[ $THREADS -ne 0 ]] || sed -i '/^jetty\.threadPool\./d' "$base/start.d/http.ini"
  cp "$WAR" "$base/webapps/cticache.war"
  cp "$CEILING_WAR" "$base/webapps/ceiling.war"
  cat > "$base/webapps/ceiling.xml" <<'EOF'
<?xml version="1.0"?>
<!DOCTYPE Configure PUBLIC "-//Jetty//Configure//EN" "https://jetty.org/configure_10_0.dtd">
<Configure class="org.eclipse.jetty.ee10.webapp.WebAppContext">
  <Set name="contextPath">/ceiling</Set>
  <Set name="war"><Property name="jetty.webapps" default="."/>/ceiling.war</Set>
  <Call class="org.eclipse.jetty.util.resource.ResourceFactory" name="root">
    <Call id="realmFile" name="newResource">
      <Arg><Property name="jetty.base"/>/etc/cticache-realm.properties</Arg>
    </Call>
  </Call>
  <Call name="getSecurityHandler">
    <Set name="loginService">
      <New class="org.eclipse.jetty.security.HashLoginService">
        <Set name="name">cticache</Set>
        <Set name="config"><Ref refid="realmFile"/></Set>
      </New>
    </Set>
  </Call>
</Configure>
EOF
  # shellcheck disable=SC2046 # the options are words on purpose
  (cd "$base" && exec java $JVM_OPTS $(cticache_properties) \
      -Djava.util.logging.config.file=etc/cticache-logging.properties -jar "$home/start.jar") \
    > "$base/console.log" 2>&1 &
  CONTAINER_PID=$!
  PIDS+=("$CONTAINER_PID")
  CONTAINER_LOG=$base/console.log
  CONTAINER_DESC="Jetty $JETTY_VERSION (jetty-base $base)"
  CREDENTIALS_DESC="HashLoginService, an MD5: entry (one unsalted MD5) of a long random password; no request log"
}

# Tomcat 10.1 as docs/deploy-tomcat.md sets it up, from its files in src/deploy/tomcat (one salted SHA-256 per
# password, not stretched: Tomcat hashes again on every Basic request, and a random machine password needs no
# stretching), less the access log valve: its conditionUnless skips cticache's calls, but it would log every call
# of the ceiling WAR, which would then pay for a log line that cticache's calls do not.
start_tomcat() {
  local home=$ROOT/target/containers/apache-tomcat-$TOMCAT_VERSION base=$OUT/tomcat-base$BASE_TAG hashes
  [[ -x $home/bin/catalina.sh ]] || die "no $home (mvn dependency:unpack@unpack-containers)"
  HTTP_PORT=$(free_port)
  mkdir -p "$base"/{bin,conf/Catalina/localhost,logs,temp,webapps,work}
  cp "$home"/conf/* "$base/conf/"
  # The guide's accounts in its order: ivr, router, ops (the benchmark's, with $PASSWORD), prometheus, deployer.
  mapfile -t hashes < <(JAVA_HOME=$(java_home) bash "$home/bin/digest.sh" -a SHA-256 -i 1 -s 16 \
    -h org.apache.catalina.realm.MessageDigestCredentialHandler "$(new_password)" "$(new_password)" "$PASSWORD" \
    "$(new_password)" "$(new_password)" | sed -n "s/^.*:\([0-9a-f$]*\)$/\1/p")
  [[ ${#hashes[@]} -eq 5 ]] || die "digest.sh printed ${#hashes[@]} hashes, not 5"
  export IVR_HASH=${hashes[0]} ROUTER_HASH=${hashes[1]} OPS_HASH=${hashes[2]} PROMETHEUS_HASH=${hashes[3]} \
    DEPLOYER_HASH=${hashes[4]}
  # CRYPTO_KEY_FILE only fills the guides' files: without_settings drops the setting (values stored in clear).
  export LISTEN_ADDRESS=127.0.0.1 HTTP_PORT THREADS REDIS_URI TLS_REQUIRED=false CRYPTO_KEY_FILE=/dev/null
  deploy_file tomcat conf/server.xml \
    | sed '/<Valve className="org.apache.catalina.valves.AccessLogValve"/,/\/>/d' > "$base/conf/server.xml"
  # --threads 0: the container's own default, without the guide's thread pool attributes.
  [[ $THREADS -ne 0 ]] || sed -i 's/ maxThreads="0" minSpareThreads="0"//' "$base/conf/server.xml"
  deploy_file tomcat conf/tomcat-users.xml > "$base/conf/tomcat-users.xml"
  deploy_file tomcat conf/Catalina/localhost/cticache.xml | without_settings \
    > "$base/conf/Catalina/localhost/cticache.xml"
  deploy_file tomcat conf/logging.properties >> "$base/conf/logging.properties"
  deploy_file tomcat bin/setenv.sh > "$base/bin/setenv.sh"
  # The guide's JVM options, then the benchmark's, which win; the benchmark's settings.
  echo "CATALINA_OPTS=\"\$CATALINA_OPTS $JVM_OPTS $(cticache_properties)\"" >> "$base/bin/setenv.sh"
  cp "$WAR" "$base/webapps/cticache.war"
  cp "$CEILING_WAR" "$base/webapps/ceiling.war"
  # catalina.sh run execs java, so this PID is the JVM's.
  JAVA_HOME=$(java_home) CATALINA_HOME=$home CATALINA_BASE=$base bash "$home/bin/catalina.sh" run > "$base/logs/console.log" 2>&1 &
  CONTAINER_PID=$!
  PIDS+=("$CONTAINER_PID")
  CONTAINER_LOG=$base/logs/console.log
  CONTAINER_DESC="Tomcat $TOMCAT_VERSION (CATALINA_BASE $base)"
  CREDENTIALS_DESC="UserDatabaseRealm in a LockOutRealm, MessageDigestCredentialHandler SHA-256, 1 iteration,"
  CREDENTIALS_DESC+=" 16-byte salt; no access log"
}

BASE_TAG=   # --rtt: each stage's container base gets a directory of its own, -rtt<stage>

start_container() {
  log "starting $CONTAINER with JVM options: $JVM_OPTS"
  # The scattered pool's definition is 110 KB: Settings reads it from the environment as from a property, which
  # keeps it off the command line (near Linux's 128 KiB per argument) and out of Tomcat's setenv.sh.
  if [[ $SCALE -eq 1 ]]; then
    CTICACHE_DNIS_POOL_SCALE_SCATTERED=$(scattered_pool)
    export CTICACHE_DNIS_POOL_SCALE_SCATTERED
  fi
  "start_$CONTAINER"
  BASE_URL=http://127.0.0.1:$HTTP_PORT
  SERVER_PID=$CONTAINER_PID
  await_http "$BASE_URL/cticache/health" 200 "$CONTAINER_PID" "$CONTAINER"
  await_http "$BASE_URL/ceiling/const" 200 "$CONTAINER_PID" "$CONTAINER" "${CURL_AUTH[@]}"
  [[ $(curl -s -o /dev/null -w '%{http_code}' "$BASE_URL/ceiling/const") == 401 ]] \
    || die "/ceiling/const answers without credentials: the ceiling must pay for Basic auth like cticache"
  log "$CONTAINER_DESC on port $HTTP_PORT, PID $CONTAINER_PID"
}

# ---------------------------------------------------------------------------------------------------------------
# CPU time per request of each side of a run. wrk, the server under test and Redis share this machine's CPUs,
# so a rate alone does not say which side paid for it, nor whether a faster server only moved work elsewhere.

# A process and all its descendants, one PID a line: Node's cluster is a primary and one worker per core. (ps,
# because /proc/<pid>/task/*/children exists only on kernels built with CONFIG_PROC_CHILDREN.)
process_tree() { # pid
  ps -e -o pid=,ppid= | awk -v root="$1" '
    { parent[$1] = $2 }
    END { for (pid in parent) for (p = pid; p in parent; p = parent[p]) if (p == root) { print pid; break } }'
}

# User + system clock ticks so far of a process tree, from /proc/<pid>/stat: a process's figures cover all its
# threads, the exited ones included.
cpu_ticks() { # pid
  local pid stat fields ticks=0
  for pid in $(process_tree "$1"); do
    { read -r stat < "/proc/$pid/stat"; } 2>/dev/null || continue   # it exited since the listing
    # The fields after the command name (in parentheses, and it may hold spaces): utime and stime are the 12th
    # and 13th of them.
    read -ra fields <<< "${stat##*) }"
    ticks=$(( ticks + fields[11] + fields[12] ))
  done
  echo "$ticks"
}

# ---------------------------------------------------------------------------------------------------------------
# wrk runs. Every script prints one "BENCH key=value ..." line from done(); run_wrk keeps the raw output, and the
# CPU seconds the run cost each side in raw/<name>.cpu: server, Redis, wrk. The server is SERVER_PID's process
# tree (the container's JVM, or Node's processes for a run against BASE_URL=$NODE_URL).
WRK_SEQ=0
RUN_TAG=$(printf '%04d' $(( RANDOM % 10000 )))

run_wrk() { # name script conns seconds [url-path]
  local name=$1 script=$2 conns=$3 seconds=$4 path=${5:-/}
  local threads=$(( conns < 2 ? conns : 2 )) server_ticks redis_ticks
  WRK_SEQ=$(( WRK_SEQ + 1 ))
  server_ticks=$(cpu_ticks "$SERVER_PID")
  redis_ticks=$(cpu_ticks "$REDIS_PID")
  # GNU time reads wrk's own rusage: wrk is measured whole, from its start to its exit.
  BENCH_WRK_DIR=$BENCH/wrk BENCH_AUTH=$BENCH_AUTH BENCH_RUN=$RUN_TAG$(printf '%03d' "$WRK_SEQ") \
  BENCH_THREADS=$threads BENCH_DNIS=$BENCH_DNIS BENCH_ANI_BASE=$PREFILL_BASE BENCH_COUNT=$PREFILL \
    /usr/bin/time -f '%U %S' -o "$RAW/$name.time" \
    wrk -t "$threads" -c "$conns" -d "${seconds}s" --timeout 5s --latency -s "$BENCH/wrk/$script" \
    "$BASE_URL$path" > "$RAW/$name.txt" 2>&1 || { cat "$RAW/$name.txt" >&2; die "wrk $name"; }
  server_ticks=$(( $(cpu_ticks "$SERVER_PID") - server_ticks ))
  redis_ticks=$(( $(cpu_ticks "$REDIS_PID") - redis_ticks ))
  grep -q '^BENCH ' "$RAW/$name.txt" || { cat "$RAW/$name.txt" >&2; die "wrk $name printed no BENCH line"; }
  # The last line: GNU time writes "Command exited with non-zero status" before its own when wrk fails.
  tail -1 "$RAW/$name.time" | awk -v server="$server_ticks" -v redis="$redis_ticks" -v tck="$CLK_TCK" \
    '{ printf "%.2f %.2f %.2f\n", server / tck, redis / tck, $1 + $2 }' > "$RAW/$name.cpu"
}

# µs of CPU per completed request of the server, Redis and wrk, tab-separated; empty when nothing completed.
cpu_per_request() { # raw-file
  awk -v requests="$(bench_field "$1" requests)" '
    requests > 0 { printf "%.1f\t%.1f\t%.1f", $1 * 1e6 / requests, $2 * 1e6 / requests, $3 * 1e6 / requests }
    requests <= 0 { printf "\t\t" }' "${1%.txt}.cpu"
}

bench_field() { # file key
  grep '^BENCH ' "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"
}

record() { # scenario conns raw-file
  local f=$3 cpu
  cpu=$(cpu_per_request "$f")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$(bench_field "$f" rps)" "$(bench_field "$f" cps)" \
    "$(bench_field "$f" p50_ms)" "$(bench_field "$f" p99_ms)" "$(bench_field "$f" p999_ms)" \
    "$(bench_field "$f" errors)" "$cpu" >> "$RESULTS"
  log "$(printf '%-14s %4s conns: %9s req/s  p99 %8s ms  errors %s  CPU us/request (server, Redis, wrk) %s' \
    "$1" "$2" "$(bench_field "$f" rps)" "$(bench_field "$f" p99_ms)" "$(bench_field "$f" errors)" "${cpu//$'\t'/ }")"
}

# A scenario: a short warm-up at 64 connections (JIT, pools, connections), then every level.
scenario() { # name script [path]
  local name=$1 script=$2 path=${3:-/} conns
  [[ $WARMUP -eq 0 ]] || run_wrk "$name-warmup" "$script" 64 "$WARMUP" "$path"
  for conns in $LEVELS; do
    [[ $name == cycle && $conns == 64 ]] && during_cycle_64 start
    run_wrk "$name-c$conns" "$script" "$conns" "$DURATION" "$path"
    [[ $name == cycle && $conns == 64 ]] && during_cycle_64 stop
    record "$name" "$conns" "$RAW/$name-c$conns.txt"
  done
}

# Paired rounds at 64 connections: this machine's speed drifts by a third within minutes (a shared host), so a
# ratio of two scenarios measured minutes apart says as much about the drift as about cticache. Each round runs
# the ceilings, POST, the cycle and (--node) Node's cycle back to back, the two sides of each target's ratio
# next to each other; the report takes the ratios round by round.
paired_rounds() {
  local round pair name script path
  for round in $(seq 1 "$ROUNDS"); do
    for pair in "set ceiling.lua /ceiling/set" "jersey ceiling.lua /ceiling/jersey/set" "post post.lua /" \
        "health ceiling.lua /cticache/health" "cycle cycle.lua /"; do
      read -r name script path <<< "$pair"
      round_run "$round" "$name" "$script" "$path"
    done
    [[ $NODE -eq 0 ]] || on_node round_run "$round" node cycle.lua /
  done
}

round_run() { # round name script path
  run_wrk "round$1-$2" "$3" 64 "$DURATION" "$4"
  record "round$1-$2" 64 "$RAW/round$1-$2.txt"
}

# Stores exactly `count` entries through the API (fill.lua), then interrupts wrk, whose main thread would
# otherwise sleep out the whole duration after its threads stopped.
fill() { # name count ani-base pool ttl [ani: every entry's, one caller taking count numbers]
  local name=$1 count=$2 base=$3 pool=$4 ttl=$5 ani=${6:-} done_dir=$OUT/$1.done threads pid
  # No more threads than entries: a thread without a share would never drop its marker.
  threads=$(( count < 2 ? count : 2 ))
  mkdir -p "$done_dir"
  BENCH_WRK_DIR=$BENCH/wrk BENCH_AUTH=$BENCH_AUTH BENCH_THREADS=$threads BENCH_COUNT=$count BENCH_ANI_BASE=$base \
  BENCH_POOL=$pool BENCH_TTL=$ttl BENCH_ANI=$ani BENCH_DONE_DIR=$done_dir \
    wrk -t "$threads" -c 32 -d 300s --timeout 5s -s "$BENCH/wrk/fill.lua" "$BASE_URL/" > "$RAW/$name.txt" 2>&1 &
  pid=$!
  PIDS+=("$pid")
  # wrk stops by itself after 300 s; a thread whose answer went missing would otherwise never drop its marker.
  while kill -0 "$pid" 2>/dev/null && [[ $(find "$done_dir" -type f | wc -l) -lt $threads ]]; do sleep 0.2; done
  kill -INT "$pid" 2>/dev/null || true
  wait "$pid" || true
  local stored errors
  stored=$(cat "$done_dir"/thread-* 2>/dev/null | awk '{s += $1} END {print s + 0}')
  errors=$(bench_field "$RAW/$name.txt" errors)
  [[ $stored -eq $count && ${errors:-1} -eq 0 ]] \
    || die "$name stored $stored of $count entries, errors ${errors:-?} (see $RAW/$name.txt)"
  log "$name: stored $count entries"
}

# During the 64-connection cycle run: sample the heap with jstat; with --profile, record that run
# (a second recording: JFR already runs since the start, so starting this one costs the warm JVM nothing).
during_cycle_64() {
  if [[ $1 == start ]]; then
    # jstat reads the JVM's counters from shared memory, so sampling the heap costs the measured JVM nothing
    # (a /metrics scrape would run a request and 64 Redis scripts).
    jstat -gc "$CONTAINER_PID" 1000 > "$RAW/jstat-cycle-c64.txt" &
    HEAP_SAMPLER_PID=$!
    PIDS+=("$HEAP_SAMPLER_PID")
    if [[ $PROFILE -eq 1 ]]; then
      jcmd "$CONTAINER_PID" JFR.start name=cycle-c64 settings="$BENCH/cpu.jfc" > "$RAW/jfr-start.txt"
    fi
  else
    if [[ $PROFILE -eq 1 ]]; then
      jcmd "$CONTAINER_PID" JFR.stop name=cycle-c64 filename="$OUT/cycle-c64.jfr" > "$RAW/jfr-stop.txt"
    fi
    kill "$HEAP_SAMPLER_PID" 2>/dev/null || true
    wait "$HEAP_SAMPLER_PID" 2>/dev/null || true
    # Heap used, in bytes: survivors + eden + old generation (S0U S1U EU OU, KiB).
    awk '$1 ~ /^[0-9.]+$/ {printf "%d\n", ($3 + $4 + $6 + $8) * 1024}' "$RAW/jstat-cycle-c64.txt" \
      > "$OUT/heap-samples.txt"
  fi
}

# ---------------------------------------------------------------------------------------------------------------
# redis-benchmark against the same redis-server, for what a cycle asks of Redis: SET and GET (-d 100), and the
# real scripts, concatenated as store/LuaScript.fromResources does (holdings.lua + allocate.lua, holdings.lua +
# read.lua, each followed by a newline), loaded with SCRIPT LOAD and called with EVALSHA as RedisCallDataStore
# does: KEYS and ARGV as for the default pool (1000 numbers, stored as the store publishes them), with
# __rand_int__ ANIs.
redis_ceilings() {
  local n=$(( DURATION * 20000 )) scripts=$ROOT/src/main/resources/org/cticache/store allocate read value
  value=$(printf 'v%.0s' $(seq 1 100))
  allocate=$(cat "$scripts/holdings.lua" <(echo) "$scripts/allocate.lua" <(echo) | "${REDIS[@]}" -x script load)
  read=$(cat "$scripts/holdings.lua" <(echo) "$scripts/read.lua" <(echo) | "${REDIS[@]}" -x script load)
  [[ $allocate =~ ^[0-9a-f]{40}$ && $read =~ ^[0-9a-f]{40}$ ]] || die "SCRIPT LOAD answered '$allocate' '$read'"
  # The pool's numbers, 10 characters each, as PoolNumbers encodes them; "abcd" stands for its version.
  seq 5550000000 5550000999 | tr -d '\n' | "${REDIS[@]}" -x set 'rb:numbers:default:abcd' > /dev/null
  # What one allocation sends: keys of ANI bucket 7 (the bucket does not change the work), ARGV as in
  # AllocateScript: value, ttl ms, cool-down, pool, version, size, width, holder, leased ANI, idempotency key and
  # fingerprint, light holdings, start, the bookkeeping's expiry.
  ALLOCATE_CALL=(evalsha "$allocate" 2 'rb:{b7}:stats' 'rb:numbers:default:abcd' "\"$value\"" 60000 0 default abcd
    1000 10 __rand_int__ '' '' '' 6 0 90000000)
  # A take of an entry that allocation stored at the pool's first number (start 0).
  TAKE_CALL=(evalsha "$read" 2 'rb:{b7}:stats' 'rb:{b7}:__rand_int__:5550000000' take 0 '' __rand_int__ 90000000
    default abcd 0)
  # Each call once by hand, so a wrong argument fails here rather than as silent error replies.
  local probe
  probe=$("${REDIS[@]}" "${ALLOCATE_CALL[@]//__rand_int__/000000000042}" | head -1)
  [[ $probe == new ]] || die "allocate.lua by EVALSHA answered '$probe', not new"
  probe=$("${REDIS[@]}" "${TAKE_CALL[@]//__rand_int__/000000000042}")
  [[ $probe == "\"$value\"" ]] || die "read.lua take by EVALSHA answered '$probe'"

  log "redis-benchmark -c 64 -P 1: SET, GET, EVALSHA allocate, EVALSHA take"
  local common=(-h 127.0.0.1 -p "$REDIS_PORT" -c 64 -P 1 --csv)
  redis-benchmark "${common[@]}" -n "$n" -r 100000 -d 100 -t set,get > "$RAW/redis-benchmark-set-get.csv" 2>&1
  # The allocations first, so that about two thirds of the takes find an entry (a miss returns early).
  redis-benchmark "${common[@]}" -n $(( n / 2 )) -r 100000 "${ALLOCATE_CALL[@]}" > "$RAW/redis-benchmark-allocate.csv" 2>&1
  local before after
  before=$("${REDIS[@]}" --scan --pattern 'rb:{b7}:*:5550000000' | wc -l)
  redis-benchmark "${common[@]}" -n $(( n / 2 )) -r 100000 "${TAKE_CALL[@]}" > "$RAW/redis-benchmark-take.csv" 2>&1
  after=$("${REDIS[@]}" --scan --pattern 'rb:{b7}:*:5550000000' | wc -l)
  fact REDIS_TAKE_HITS "$(( (before - after) * 100 / (n / 2) ))%"
  redis_record "redis SET" "$RAW/redis-benchmark-set-get.csv" '"SET"'
  redis_record "redis GET" "$RAW/redis-benchmark-set-get.csv" '"GET"'
  redis_record "redis allocate" "$RAW/redis-benchmark-allocate.csv" '"EVALSHA'
  redis_record "redis take" "$RAW/redis-benchmark-take.csv" '"EVALSHA'
}

redis_record() { # name csv-file test-prefix
  # CSV: test, rps, avg, min, p50, p95, p99, max (ms). A custom command's test name is its command line, quotes
  # and all, so the fields are counted from the end.
  local line
  line=$(grep -i "^$3" "$2" | tail -1)
  [[ -n $line ]] || { cat "$2" >&2; die "redis-benchmark printed no $3 line"; }
  echo "$line" | awk -F, -v name="$1" '{
      for (i = NF - 6; i <= NF; i++) gsub(/"/, "", $i)
      print name "\t64\t" $(NF - 6) "\t\t" $(NF - 3) "\t" $(NF - 1) "\t\t\t\t\t" }' >> "$RESULTS"
  log "$1: $(echo "$line" | awk -F, '{gsub(/"/, "", $(NF - 6)); print $(NF - 6)}') req/s"
}

# ---------------------------------------------------------------------------------------------------------------
# --scale: what a POST costs Redis as the pool grows, changes spelling, and one caller holds more of it.

# Redis's own counters, tab-separated: main-thread CPU seconds (every thread's on a Redis without the _main_thread
# fields), commands run (a script's inner commands included, INFO itself left out), bytes received.
redis_usage() {
  "${REDIS[@]}" info all | tr -d '\r' | awk -F'[:,=]' '
    /^used_cpu_(sys|user)_main_thread:/ { main += $2; has_main = 1 }
    /^used_cpu_(sys|user):/ { all += $2 }
    /^cmdstat_/ && $1 != "cmdstat_info" { commands += $3 }
    /^total_net_input_bytes:/ { bytes = $2 }
    END { printf "%.6f\t%.0f\t%.0f\n", has_main ? main : all, commands, bytes }'
}

# One scale scenario at 64 connections: a warm-up, then the measured run between two readings of Redis's counters.
scale_run() { # name pool ani("": a fresh caller per POST) pool-label holds-label [script, scale.lua by default]
  local name=$1 pool=$2 ani=$3 script=${6:-scale.lua} before after f=$RAW/$1.txt
  # Assignments before a function call reach wrk's environment, for scale.lua.
  [[ $WARMUP -eq 0 ]] \
    || BENCH_POOL=$pool BENCH_ANI=$ani BENCH_TTL=$SCALE_TTL run_wrk "$name-warmup" "$script" 64 "$WARMUP"
  # The warm-up's last entries (one per connection at most, never DELETEd) expire: the run starts at the holdings
  # it is named for.
  [[ -z $ani ]] || sleep $(( SCALE_TTL + 1 ))
  before=$(redis_usage)
  BENCH_POOL=$pool BENCH_ANI=$ani BENCH_TTL=$SCALE_TTL run_wrk "$name" "$script" 64 "$DURATION"
  after=$(redis_usage)
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$4" "$5" "$(bench_field "$f" seconds)" \
    "$(bench_field "$f" requests)" "$(bench_field "$f" cycles)" "$(bench_field "$f" full)" \
    "$(bench_field "$f" errors)" "$before" "$after" >> "$SCALE_RESULTS"
  log "$(printf '%-22s %9s req/s  503s %6s  errors %s' "$name" "$(bench_field "$f" rps)" "$(bench_field "$f" full)" \
    "$(bench_field "$f" errors)")"
}

# One caller's three states in one pool: holding nothing (a fresh caller per POST), 99% of the pool, all of it.
scale_pool() { # pool size pool-label ani
  local pool=$1 size=$2 label=$3 ani=$4 held=$(( $2 * 99 / 100 ))
  log "scale: pool $pool, $label"
  scale_run "scale-$pool-0" "$pool" "" "$label" "0% (a fresh caller per POST)"
  fill "scale-$pool-fill99" "$held" 0 "$pool" 3600 "$ani"
  scale_run "scale-$pool-99" "$pool" "$ani" "$label" "99% (POST, then DELETE what it got)"
  # The run's last entries expire before the caller takes the rest, so that it takes exactly the rest.
  sleep $(( SCALE_TTL + 1 ))
  fill "scale-$pool-fill100" "$(( size - held ))" 0 "$pool" 3600 "$ani"
  scale_run "scale-$pool-100" "$pool" "$ani" "$label" "100% (every POST answers 503)"
}

scale_scenarios() {
  # For scale: what a GET of a live entry costs Redis on the same path (get.lua reads pool bench's entries).
  fill get-prefill "$PREFILL" "$PREFILL_BASE" bench 3600
  scale_run scale-get bench "" "GET of a live entry (for scale)" "-" get.lua
  scale_pool scale_100 100 "100 numbers, one range" $(( SCALE_ANI_BASE + 1 ))
  scale_pool scale_range 10000 "10,000 numbers, one range" $(( SCALE_ANI_BASE + 2 ))
  scale_pool scale_scattered 10000 "10,000 scattered numbers" $(( SCALE_ANI_BASE + 3 ))
}

# ---------------------------------------------------------------------------------------------------------------
# Redis bytes per live entry, through the real API: everything an entry costs (its key, its occupancy members).
memory_per_entry() {
  "${REDIS[@]}" flushall > /dev/null
  local before after live dbsize
  before=$("${REDIS[@]}" info memory | sed -n 's/^used_memory:\([0-9]*\).*/\1/p')
  fill memory-fill "$MEMORY_ENTRIES" "$MEMORY_BASE" "" 3600
  after=$("${REDIS[@]}" info memory | sed -n 's/^used_memory:\([0-9]*\).*/\1/p')
  live=$(curl -s "${CURL_AUTH[@]}" "$BASE_URL/cticache/pools" | tee "$RAW/pools-after-memory-fill.json" \
    | python3 -c 'import json, sys; print(next(p["live"] for p in json.load(sys.stdin)["pools"] if p["name"] == "default"))')
  dbsize=$("${REDIS[@]}" dbsize)
  [[ $live -eq $MEMORY_ENTRIES ]] || die "pool default reports $live live entries, expected $MEMORY_ENTRIES"
  fact MEM_BEFORE "$before"
  fact MEM_AFTER "$after"
  fact MEM_LIVE "$live"
  fact MEM_DBSIZE "$dbsize"
  log "Redis used_memory $before -> $after for $live live entries ($(( (after - before) / live )) bytes each)"
}

profile_report() {
  [[ $PROFILE -eq 1 && -f $OUT/cycle-c64.jfr ]] || return 0
  jfr print --stack-depth 256 --events jdk.ExecutionSample,jdk.JavaMonitorEnter "$OUT/cycle-c64.jfr" \
    > "$OUT/cycle-c64-samples.txt"
  python3 "$BENCH/hot_methods.py" "$OUT/cycle-c64-samples.txt" > "$OUT/hot-methods.md"
}

# ---------------------------------------------------------------------------------------------------------------
# The original design, bench/node, doing the same cycle against the same Redis with the same account and pools.
# Its keys have no prefix, so they never meet cticache's.

# Starts it with `workers` processes (node's cluster module) on a free port: NODE_URL, and NODE_PID, the primary,
# whose process tree is what the CPU figures of a run against it count.
start_node() { # workers
  local port
  port=$(free_port)
  log "Node.js + Express reference, $1 process(es), on port $port"
  BENCH_USER=$BENCH_USER BENCH_PASSWORD=$PASSWORD POOL=$DEFAULT_POOL POOL_BENCH=$BENCH_DNIS CLUSTER=$1 \
    "$BENCH/node/run.sh" "$REDIS_PORT" "$port" > "$OUT/node-$1.log" 2>&1 &
  NODE_PID=$!
  PIDS+=("$NODE_PID")
  NODE_URL=http://127.0.0.1:$port
  await_http "$NODE_URL/cticache/health" 200 "$NODE_PID" "node"
}

stop_node() {
  kill "$NODE_PID" 2>/dev/null || true
  wait "$NODE_PID" 2>/dev/null || true
}

# Runs a command (run_wrk, scenario, round_run) against the Node server instead of the container.
on_node() {
  BASE_URL=$NODE_URL SERVER_PID=$NODE_PID "$@"
}

# Every level: one process, as the original ran (skipped on one core, where it would be the next run twice), then
# one per core, the design at its best on this machine, which the targets compare with; that one keeps running
# for the paired rounds.
node_levels() {
  command -v node > /dev/null && command -v npm > /dev/null \
    || die "--node needs node and npm (Debian: apt-get install nodejs npm)"
  if [[ $(nproc) -gt 1 ]]; then
    start_node 1
    on_node scenario node-1 cycle.lua
    stop_node
  fi
  start_node "$(nproc)"
  on_node scenario "node-$(nproc)" cycle.lua
}

jit_warmup() {
  log "JIT warm-up: the transfer cycle for $JIT_WARMUP s, then the ceilings, nothing measured"
  run_wrk jit-warmup-cycle cycle.lua 64 "$JIT_WARMUP"
  run_wrk jit-warmup-const ceiling.lua 64 15 /ceiling/const
  run_wrk jit-warmup-set ceiling.lua 64 15 /ceiling/set
  run_wrk jit-warmup-jersey ceiling.lua 64 15 /ceiling/jersey/set
  run_wrk jit-warmup-health ceiling.lua 64 15 /cticache/health
}

# The default run: the ceilings and cticache's scenarios at every level, with --node Node's, the paired rounds,
# redis-benchmark.
levels() {
  log "ceiling: a constant JSON body behind Basic auth"
  scenario const ceiling.lua /ceiling/const
  log "ceiling: one Redis SET per request through a JedisPool like cticache's"
  scenario set ceiling.lua /ceiling/set
  log "ceiling: the same SET as a Jersey resource answering JSON through Jackson"
  scenario jersey ceiling.lua /ceiling/jersey/set
  log "cticache: GET /health, one Redis PING through the whole application (its fixed cost per call)"
  scenario health ceiling.lua /cticache/health
  log "cticache: POST alone"
  scenario post post.lua
  log "cticache: GET alone, after storing $PREFILL entries in pool bench"
  fill get-prefill "$PREFILL" "$PREFILL_BASE" bench 3600
  scenario get get.lua
  log "cticache: the transfer cycle POST -> GET -> DELETE"
  scenario cycle cycle.lua
  [[ $NODE -eq 0 ]] || node_levels
  if [[ $ROUNDS -gt 0 ]]; then
    local node_round=""
    [[ $NODE -eq 0 ]] || node_round=", Node's cycle ($(nproc) processes)"
    log "paired rounds at 64 connections: one-SET servlet, Jersey resource, POST, GET /health, cycle$node_round;" \
      "$ROUNDS times"
    paired_rounds
  fi
  [[ $NODE -eq 0 ]] || stop_node

  local heap_max
  heap_max=$(sort -n "$OUT/heap-samples.txt" | tail -1)
  fact HEAP_MAX "${heap_max:-0}"
  fact HEAP_SAMPLES "$(wc -l < "$OUT/heap-samples.txt")"

  redis_ceilings
}

# ---------------------------------------------------------------------------------------------------------------
# --rtt: the transfer cycle with Redis a round trip away, as from the other site of a two-site contact centre.
# Redis runs in a network namespace of its own; cticache reaches it across a veth pair, straight or through
# bench/delay/DelayRelay.java, which holds every chunk RTT/2 each way (the kernel here has no netem). A call holds
# a request thread and a pooled Redis connection for its round trip to Redis plus its own service time S, so by
# Little's law a rate R needs R x (RTT + S) of each, and min(threads, pool, connections) / (RTT + S) is the most
# a sizing allows: the table sets each rate against that bound.

# RTT ms, route (direct or relay), PING ms during the run, threads, request threads, pool max-total, connections,
# requests/s, p50 ms, p99 ms, errors, relay CPU µs per request (empty when direct), cticache's CPU µs per request
RTT_RESULTS=$OUT/rtt.tsv
# Jetty's request thread pool also runs the connector's acceptor and selector (one of each with up to 8 cores);
# Tomcat's Executor runs requests only.
CONNECTOR_THREADS=$([[ $CONTAINER == jetty ]] && echo 2 || echo 0)

# A /30 of 10.254.0.0/16 chosen by this shell's PID, and names carrying the PID, so that concurrent benchmarks and
# the other users of namespaces on a shared machine never meet.
make_netns() {
  local block=$(( $$ % 16384 * 4 )) host
  host=10.254.$(( block / 256 )).$(( block % 256 + 1 ))
  REDIS_HOST=10.254.$(( block / 256 )).$(( block % 256 + 2 ))
  ! ip -o -4 addr show | grep -qF -e " $host/" -e " $REDIS_HOST/" || die "$host/30 is in use on this machine"
  NETNS=ctibench-$$
  VETH=ctib$$   # at most 15 characters; the namespace's end is ${VETH}r
  ip netns add "$NETNS"
  ip link add "$VETH" type veth peer name "${VETH}r"
  ip link set "${VETH}r" netns "$NETNS"
  ip addr add "$host/30" dev "$VETH"
  ip link set "$VETH" up
  ip -n "$NETNS" addr add "$REDIS_HOST/30" dev "${VETH}r"
  ip -n "$NETNS" link set "${VETH}r" up
  IN_REDIS_NETNS=(ip netns exec "$NETNS")
  log "network namespace $NETNS: Redis at $REDIS_HOST, over veth $VETH"
}

# A relay to Redis on a free loopback port, holding each chunk the given ms each way: RELAY_PID, RELAY_URI.
start_relay() { # one-way-ms
  local port
  port=$(free_port)
  java -Xmx64m -XX:+UseSerialGC "$BENCH/delay/DelayRelay.java" 127.0.0.1 "$port" "$REDIS_HOST" "$REDIS_PORT" "$1" \
    > "$OUT/relay-$port.log" 2>&1 &
  RELAY_PID=$!
  PIDS+=("$RELAY_PID")
  # The source launcher compiles the relay first: seconds on a busy machine.
  for _ in $(seq 1 300); do
    kill -0 "$RELAY_PID" 2>/dev/null || die "the delay relay exited (see $OUT/relay-$port.log)"
    redis-cli -h 127.0.0.1 -p "$port" ping > /dev/null 2>&1 && break
    sleep 0.2
  done
  redis-cli -h 127.0.0.1 -p "$port" ping > /dev/null 2>&1 || die "the delay relay did not answer within 60 s"
  # netem would hold the packets in the kernel, ahead of every process; on two cores busy with the container
  # and wrk, a relay of ordinary priority woke milliseconds late (5 ms each way took 12 to 26 ms). Real-time
  # priority after the start, so that its compilation does not hold a core; its work per chunk is a few µs.
  chrt --fifo --all-tasks --pid 10 "$RELAY_PID" > /dev/null
  RELAY_URI=redis://127.0.0.1:$port
}

# The median of 20 PINGs on one connection, 0.1 s apart, in ms: the round trip a call sees, relay and veth
# included; taken during a run, it says whether the relay kept its time under load.
ping_ms() { # redis://host:port
  python3 - "$1" <<'PY'
import socket, statistics, sys, time
host, port = sys.argv[1].removeprefix("redis://").rsplit(":", 1)
s = socket.create_connection((host, int(port)))
s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
times = []
for _ in range(20):
    start = time.perf_counter()
    s.sendall(b"PING\r\n")
    s.recv(64)
    times.append(time.perf_counter() - start)
    time.sleep(0.1)
print(f"{statistics.median(times) * 1000:.2f}")
PY
}

# One stage: cticache restarted with the stage's threads, pool and Redis address, warmed up along the same path,
# then the cycle at each connection level, a line each in rtt.tsv (see rtt_report for the columns).
rtt_stage() { # rtt-ms route(direct|relay) threads pool levels
  local rtt=$1 route=$2 levels=$5 tag=$1-$2 conns name ping_pid relay_ticks relay_us
  THREADS=$3 REDIS_POOL=$4 BASE_TAG=-rtt$tag
  if [[ $route == relay ]]; then
    start_relay "$(awk -v rtt="$rtt" 'BEGIN { print rtt / 2 }')"
    REDIS_URI=$RELAY_URI
  else
    REDIS_URI=redis://$REDIS_HOST:$REDIS_PORT
  fi
  log "RTT $rtt ms ($route, PING $(ping_ms "$REDIS_URI") ms idle): $THREADS request threads, pool max-total" \
    "$REDIS_POOL, connections $levels"
  start_container
  [[ $JIT_WARMUP -eq 0 ]] || run_wrk "rtt$tag-jit-warmup" cycle.lua 64 "$JIT_WARMUP"
  for conns in $levels; do
    name=rtt$tag-c$conns
    # Also opens the pool's connections, each a few round trips away (HELLO, CLIENT SETNAME).
    [[ $WARMUP -eq 0 ]] || run_wrk "$name-warmup" cycle.lua "$conns" "$WARMUP"
    [[ $route == direct ]] || relay_ticks=$(cpu_ticks "$RELAY_PID")
    ping_ms "$REDIS_URI" > "$RAW/$name.ping" &
    ping_pid=$!
    run_wrk "$name" cycle.lua "$conns" "$DURATION"
    wait "$ping_pid" || die "no PING through $REDIS_URI during $name"
    relay_us=
    [[ $route == direct ]] || relay_us=$(awk -v t="$(( $(cpu_ticks "$RELAY_PID") - relay_ticks ))" -v tck="$CLK_TCK" \
      -v n="$(bench_field "$RAW/$name.txt" requests)" 'BEGIN { if (n > 0) printf "%.1f", t / tck * 1e6 / n }')
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$rtt" "$route" "$(cat "$RAW/$name.ping")" \
      "$THREADS" "$(( THREADS - CONNECTOR_THREADS ))" "$REDIS_POOL" "$conns" "$(bench_field "$RAW/$name.txt" rps)" \
      "$(bench_field "$RAW/$name.txt" p50_ms)" "$(bench_field "$RAW/$name.txt" p99_ms)" \
      "$(bench_field "$RAW/$name.txt" errors)" "$relay_us" "$(cpu_per_request "$RAW/$name.txt" | cut -f1)" \
      >> "$RTT_RESULTS"
    log "$(printf 'RTT %3s ms %-6s %4s conns: %9s req/s  p99 %8s ms  errors %s' "$rtt" "$route" "$conns" \
      "$(bench_field "$RAW/$name.txt" rps)" "$(bench_field "$RAW/$name.txt" p99_ms)" \
      "$(bench_field "$RAW/$name.txt" errors)")"
  done
  if [[ $rtt -eq 0 && $route == direct ]]; then
    # One connection, nothing queued: a call's own time, the S of Little's law.
    run_wrk rtt-service-time cycle.lua 1 "$DURATION"
    SERVICE_MS=$(bench_field "$RAW/rtt-service-time.txt" mean_ms)
  fi
  stop_process "$CONTAINER_PID"
  [[ $route == direct ]] || stop_process "$RELAY_PID"
}

# 0 ms straight to Redis (the ceiling, and S) and through the relay (the relay's own cost) with the local sizing:
# --threads, --redis-pool, or the guides' 4 threads per core and cticache's pool of 64; then every RTT above 0
# through the relay, sized for the target rate unless --threads or --redis-pool fix the sizing.
rtt_benchmark() {
  local given_threads=$THREADS given_pool=$REDIS_POOL local_levels=$LEVELS rtt in_flight threads levels
  [[ $LEVELS_GIVEN -eq 1 ]] || local_levels=64
  : > "$RTT_RESULTS"
  rtt_stage 0 direct "$given_threads" "${given_pool:-64}" "$local_levels"
  CEILING_RPS=$(awk -F'\t' '$2 == "direct" && $8 > max { max = $8 } END { printf "%.0f", max }' "$RTT_RESULTS")
  rtt_stage 0 relay "$given_threads" "${given_pool:-64}" "$local_levels"
  SIZING_RATE=${TARGET_RATE:-$CEILING_RPS}
  SIZING_DESC="RTTs above 0 sized for $SIZING_RATE requests/s$([[ -n $TARGET_RATE ]] || echo " (the ceiling)"),"
  SIZING_DESC+=" threads $([[ $THREADS_GIVEN -eq 1 ]] && echo "fixed by --threads" || echo "by the rule"),"
  SIZING_DESC+=" pool $([[ -n $given_pool ]] && echo "fixed by --redis-pool" || echo "by the rule")"
  for rtt in $RTTS; do
    [[ $rtt -gt 0 ]] || continue
    in_flight=$(awk -v rate="$SIZING_RATE" -v rtt="$rtt" -v s="$SERVICE_MS" \
      'BEGIN { n = rate * (rtt + s) / 1000; print int(n) + (n > int(n)) }')
    threads=$given_threads
    if [[ $THREADS_GIVEN -eq 0 ]]; then
      threads=$(( in_flight + CONNECTOR_THREADS ))
      [[ $threads -ge $given_threads ]] || threads=$given_threads
    fi
    levels=$LEVELS
    [[ $LEVELS_GIVEN -eq 1 ]] || levels=$(printf '%s\n' 64 "$in_flight" | sort -nu | tr '\n' ' ')
    rtt_stage "$rtt" relay "$threads" "${given_pool:-$in_flight}" "$levels"
  done
  rtt_report > "$OUT/report.md"
}

# One table per RTT. bound: min(request threads, pool, connections) / (RTT + S); limit: whichever of the bound and
# the 0 ms ceiling is lower, CPU meaning that this machine cannot serve the bound at all.
rtt_report() {
  echo "# cticache with Redis a round trip away: ${CONTAINER_DESC%% (*}"
  echo
  echo "- commit $(cd "$ROOT" && git describe --always --dirty 2>/dev/null || echo unknown); JVM options" \
    "\`$JVM_OPTS\`; $(nproc) CPUs shared by wrk, the container, the relay and Redis $(redis-server --version \
    | grep -o 'v=[0-9.]*'); the container restarted for every stage, $JIT_WARMUP s of the cycle at 64 connections," \
    "then per level $WARMUP s of warm-up and $DURATION s measured"
  echo "- S = $SERVICE_MS ms: the cycle's mean latency at 1 connection, 0 ms, straight to Redis"
  echo "- 0 ms ceiling: $CEILING_RPS requests/s, the best 0 ms rate straight to Redis; $SIZING_DESC"
  echo "- request threads: the pool's threads$([[ $CONNECTOR_THREADS -gt 0 ]] \
    && echo " less Jetty's acceptor and selector");" \
    "bound: min(request threads, pool, connections) / (RTT + S); limit: the lower of the bound (RTT) and the" \
    "0 ms ceiling (CPU); PING: the median of 20 during the run; errors: non-2xx, wrong answers and socket errors"
  awk -F'\t' -v s="$SERVICE_MS" -v ceiling="$CEILING_RPS" '
    NR == 1 || $1 != rtt {
      rtt = $1
      printf "\n## RTT %s ms\n\n", rtt
      print "| route | PING ms | threads (request) | pool | connections | requests/s | bound | % of bound | limit |" \
        " % of limit | p50 ms | p99 ms | errors | cticache CPU µs/request | relay CPU µs/request |"
      print "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |"
    }
    {
      n = $5; if ($6 < n) n = $6; if ($7 < n) n = $7
      bound = n * 1000 / ($1 + s)
      limit = bound < ceiling ? bound : ceiling
      printf "| %s | %.2f | %s (%s) | %s | %s | %.0f | %.0f | %.0f%% | %s | %.0f%% | %.2f | %.2f | %s | %s | %s |\n",
        $2, $3, $4, $5, $6, $7, $8, bound, 100 * $8 / bound, bound < ceiling ? "RTT" : "CPU", 100 * $8 / limit,
        $9, $10, $11, $13, $12 == "" ? "-" : $12
    }' "$RTT_RESULTS"
}

# ---------------------------------------------------------------------------------------------------------------
# --startup: how long a fresh instance takes to reach full speed. The container was started just before; the
# cycle runs in slices from then on, each a wrk run of its own (a few ms between them), so the curve shows the JIT
# compiling the hot paths.
startup_curve() {
  local slices=$(( STARTUP / DURATION )) i elapsed=0
  [[ $slices -ge 7 ]] || die "--startup must cover at least 7 slices of --duration (the last 6 are the reference)"
  if [[ $STARTUP_HEALTH -gt 0 ]]; then
    log "warm-up on deploy: GET /health for $STARTUP_HEALTH s"
    run_wrk startup-health ceiling.lua 64 "$STARTUP_HEALTH" /cticache/health
    elapsed=$STARTUP_HEALTH
  fi
  log "the cycle at 64 connections in $slices slices of $DURATION s"
  : > "$OUT/startup.tsv"   # seconds since the container answered /health at the slice's end, requests/s, p99 ms, errors
  for (( i = 1; i <= slices; i++ )); do
    run_wrk "startup-$i" cycle.lua 64 "$DURATION"
    elapsed=$(( elapsed + DURATION ))
    printf '%s\t%s\t%s\t%s\n' "$elapsed" "$(bench_field "$RAW/startup-$i.txt" rps)" \
      "$(bench_field "$RAW/startup-$i.txt" p99_ms)" "$(bench_field "$RAW/startup-$i.txt" errors)" >> "$OUT/startup.tsv"
  done
  startup_report > "$OUT/report.md"
}

startup_report() {
  echo "# cticache warm-up: $CONTAINER_DESC"
  echo
  echo "- commit $(cd "$ROOT" && git describe --always --dirty 2>/dev/null || echo unknown); JVM options \`$JVM_OPTS\`;" \
    "request threads $THREADS; $(nproc) CPUs shared by wrk, the container and Redis"
  echo "- the container answered /health $STARTUP_READY_MS ms after it was started; then" \
    "$([[ $STARTUP_HEALTH -gt 0 ]] && echo "$STARTUP_HEALTH s of GET /health at 64 connections, then ")the" \
    "transfer cycle at 64 connections in slices of $DURATION s"
  echo
  echo "| seconds since ready | requests/s | p99 ms | errors | share of the last 6 slices' mean |"
  echo "| ---: | ---: | ---: | ---: | ---: |"
  awk -F'\t' '{ t[NR] = $1; r[NR] = $2; p[NR] = $3; e[NR] = $4 }
    END {
      for (i = NR - 5; i <= NR; i++) ref += r[i] / 6
      for (i = 1; i <= NR; i++) {
        printf "| %d | %.0f | %.2f | %d | %.0f%% |\n", t[i], r[i], p[i], e[i], 100 * r[i] / ref
        if (!reached && r[i] >= 0.9 * ref) reached = t[i]
      }
      printf "\nFull speed (90%% of the last 6 slices'"'"' mean, %.0f requests/s) from %d s after the container was ready.\n", ref, reached
    }' "$OUT/startup.tsv"
}

main() {
  check_prerequisites
  build
  [[ -z $RTTS ]] || make_netns
  start_redis
  make_account
  if [[ -n $RTTS ]]; then
    rtt_benchmark
    cat "$OUT/report.md"
    log "saved: $OUT/report.md and $RTT_RESULTS (raw wrk outputs in $RAW)"
    return
  fi
  local started=$(date +%s%N)
  start_container
  STARTUP_READY_MS=$(( ($(date +%s%N) - started) / 1000000 ))
  if [[ $STARTUP -gt 0 ]]; then
    startup_curve
    cat "$OUT/report.md"
    log "saved: $OUT/report.md (raw wrk outputs in $RAW)"
    return
  fi

  fact CONTAINER "$CONTAINER_DESC"
  fact CREDENTIALS "$CREDENTIALS_DESC"
  fact NODE "$NODE"
  fact NODE_WORKERS "$(nproc)"
  fact JVM_OPTS "$JVM_OPTS"
  fact DURATION "$DURATION"
  fact LEVELS "$LEVELS"
  fact PROFILE "$PROFILE"
  fact JIT_WARMUP "$JIT_WARMUP"
  fact ROUNDS "$ROUNDS"
  fact THREADS "$([[ $THREADS -eq 0 ]] && echo "container default" || echo "$THREADS")"
  fact JAVA "$(java -version 2>&1 | head -1)"
  fact WRK "$(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"
  fact REDIS "$(redis-server --version | grep -o 'v=[0-9.]*')"
  fact CPUS "$(nproc) x $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)"
  fact COMMIT "$(cd "$ROOT" && git describe --always --dirty 2>/dev/null || echo unknown)"

  [[ $JIT_WARMUP -eq 0 ]] || jit_warmup
  if [[ $SCALE -eq 1 ]]; then
    scale_scenarios
  else
    levels
  fi
  memory_per_entry
  profile_report

  python3 "$BENCH/report.py" "$RESULTS" "$FACTS" "$SCALE_RESULTS" > "$OUT/report.md"
  [[ -f $OUT/hot-methods.md ]] && cat "$OUT/hot-methods.md" >> "$OUT/report.md"
  cat "$OUT/report.md"
  log "saved: $OUT/report.md (raw wrk and redis-benchmark outputs in $RAW)"
}

main
