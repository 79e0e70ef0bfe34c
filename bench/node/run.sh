#!/usr/bin/env bash
# Starts the Node.js + Express + Redis reference server in the foreground.
# Usage: bench/node/run.sh <redis-port> <http-port>
# Settings from the environment: BENCH_USER, BENCH_PASSWORD, POOL, POOL_BENCH, TTL, CLUSTER, HOST.
set -euo pipefail
if [ $# -ne 2 ]; then
  echo "usage: $0 <redis-port> <http-port>" >&2
  exit 2
fi
cd "$(dirname "$0")"
if [ ! -d node_modules ]; then
  npm ci --silent --no-audit --no-fund
fi
export REDIS_URL="redis://127.0.0.1:$1"
export PORT="$2"
export NODE_ENV="${NODE_ENV:-production}"
echo "cticache-node: http://${HOST:-127.0.0.1}:$PORT/cticache, redis $REDIS_URL, CLUSTER=${CLUSTER:-1}"
exec node server.js
