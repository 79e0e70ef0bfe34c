'use strict';

// The original cticache design in Node.js + Express + Redis, kept only as the baseline that
// bench/run.sh compares the Java service with. It serves the three calls of the contract
// (POST /cticache/DNIS-ANI, GET and DELETE /cticache/DNIS-ANI/<dnis>:<ani>) the way a team
// would have written them: one Redis connection per process, Basic auth, JSON in and out.

const cluster = require('node:cluster');
const express = require('express');
const basicAuth = require('express-basic-auth');
const { createClient } = require('redis');

const config = {
  port: Number(process.env.PORT || 3000),
  host: process.env.HOST || '127.0.0.1',
  redisUrl: process.env.REDIS_URL || 'redis://127.0.0.1:6379',
  user: process.env.BENCH_USER || 'username',
  password: process.env.BENCH_PASSWORD || 'password',
  ttl: Number(process.env.TTL || 60),
  ttlMax: Number(process.env.TTL_MAX || 3600),
  workers: Number(process.env.CLUSTER || 1),
  pools: {
    default: parsePool('POOL', process.env.POOL || '5550000000-5550000999'),
  },
};
if (process.env.POOL_BENCH) {
  config.pools.bench = parsePool('POOL_BENCH', process.env.POOL_BENCH);
}

// "5550000000-5550000999,5559870000" -> the list of DNIS strings it names.
function parsePool(name, text) {
  const numbers = [];
  for (const part of text.split(',')) {
    const m = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(part);
    if (!m) throw new Error(`${name}: not a number or range: "${part}"`);
    const first = BigInt(m[1]);
    const last = BigInt(m[2] ?? m[1]);
    if (last < first) throw new Error(`${name}: range runs backwards: "${part}"`);
    for (let n = first; n <= last; n++) numbers.push(n.toString().padStart(m[1].length, '0'));
  }
  return { numbers, next: 0 };
}

// The contract's number rule: drop visual separators, then digits with an optional leading +.
function normalizeNumber(text) {
  if (typeof text !== 'string') return null;
  const n = text.replace(/[\s\-.()]/g, '');
  return /^\+?[0-9]{1,32}$/.test(n) ? n : null;
}

function problem(res, status, title, detail) {
  res.status(status).type('application/problem+json').send(JSON.stringify({ type: 'about:blank', title, status, detail }));
}

async function startWorker() {
  const redis = createClient({ url: config.redisUrl });
  redis.on('error', (err) => console.error('redis:', err.message));
  await redis.connect();

  const app = express();

  // Echo the caller's request id on every answer, errors and 401s included.
  app.use((req, res, next) => {
    const id = req.get('X-Request-Id');
    if (id) res.set('X-Request-Id', id);
    next();
  });

  app.get('/cticache/health', async (req, res) => {
    try {
      await redis.ping();
      res.json({ status: 'UP' });
    } catch {
      res.status(503).json({ status: 'DOWN' });
    }
  });

  app.use(basicAuth({
    users: { [config.user]: config.password },
    challenge: true,
    realm: 'cticache',
  }));

  app.use(express.json({ limit: '16kb' }));

  app.post('/cticache/DNIS-ANI', async (req, res) => {
    if (!req.is('application/json')) {
      return problem(res, 415, 'Unsupported Media Type', 'POST a JSON object as application/json');
    }
    const body = req.body;
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      return problem(res, 400, 'Bad Request', 'the body must be a JSON object');
    }
    const { value, ani: rawAni, pool: poolName = 'default', ttl = config.ttl } = body;
    if (value === undefined || value === null) return problem(res, 400, 'Bad Request', 'value is required');
    const ani = normalizeNumber(rawAni);
    if (!ani) return problem(res, 400, 'Bad Request', 'ani must be a phone number');
    const pool = typeof poolName === 'string' ? config.pools[poolName] : undefined;
    if (!pool) return problem(res, 400, 'Bad Request', `unknown pool: ${poolName}`);
    if (!Number.isInteger(ttl) || ttl < 1 || ttl > config.ttlMax) {
      return problem(res, 400, 'Bad Request', `ttl must be an integer from 1 to ${config.ttlMax}`);
    }

    const stored = JSON.stringify(value);
    const size = pool.numbers.length;
    const start = pool.next;
    pool.next = (pool.next + 1) % size;
    for (let i = 0; i < size; i++) {
      const dnis = pool.numbers[(start + i) % size];
      const key = `${dnis}:${ani}`;
      const ok = await redis.set(key, stored, { condition: 'NX', expiration: { type: 'EX', value: ttl } });
      if (ok === 'OK') {
        res.status(201).location(`/cticache/DNIS-ANI/${key}`);
        return res.json({ dnis, ani, value });
      }
    }
    res.set('Retry-After', '1');
    problem(res, 503, 'Service Unavailable', `every DNIS of pool ${poolName} holds a live entry for this ANI`);
  });

  // Both numbers are normalized as the contract says; anything else in the path is a 400.
  function keyOf(req, res) {
    const parts = req.params.key.split(':');
    const dnis = parts.length === 2 ? normalizeNumber(parts[0]) : null;
    const ani = parts.length === 2 ? normalizeNumber(parts[1]) : null;
    if (!dnis || !ani) {
      problem(res, 400, 'Bad Request', 'the key must be <dnis>:<ani>');
      return null;
    }
    return `${dnis}:${ani}`;
  }

  app.get('/cticache/DNIS-ANI/:key', async (req, res) => {
    const key = keyOf(req, res);
    if (!key) return;
    const stored = await redis.get(key);
    if (stored === null) return problem(res, 404, 'Not Found', `no live entry for ${key}`);
    res.json({ value: JSON.parse(stored) });
  });

  app.delete('/cticache/DNIS-ANI/:key', async (req, res) => {
    const key = keyOf(req, res);
    if (!key) return;
    const stored = await redis.getDel(key);
    if (stored === null) return problem(res, 404, 'Not Found', `no live entry for ${key}`);
    res.json({ value: JSON.parse(stored) });
  });

  app.use((req, res) => problem(res, 404, 'Not Found', `no such path: ${req.path}`));

  // Body parser errors carry their status (400 bad JSON, 413 too large, 415 bad charset);
  // anything else here is Redis failing.
  const titles = { 400: 'Bad Request', 413: 'Content Too Large', 415: 'Unsupported Media Type' };
  app.use((err, req, res, next) => {
    if (err.status && err.status < 500) {
      return problem(res, err.status, titles[err.status] || 'Bad Request', err.expose ? err.message : 'bad request');
    }
    console.error(err);
    res.set('Retry-After', '1');
    problem(res, 503, 'Service Unavailable', 'the store did not answer');
  });

  const server = app.listen(config.port, config.host, () => {
    console.log(`cticache-node ${process.pid} listening on http://${config.host}:${config.port}/cticache (redis ${config.redisUrl})`);
  });
  const stop = () => server.close(() => redis.quit().finally(() => process.exit(0)));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

if (config.workers > 1 && cluster.isPrimary) {
  console.log(`cticache-node primary ${process.pid}: starting ${config.workers} workers`);
  for (let i = 0; i < config.workers; i++) cluster.fork();
  cluster.on('exit', (worker, code, signal) => {
    console.error(`worker ${worker.process.pid} exited (${signal || code})`);
  });
  const stop = () => {
    for (const worker of Object.values(cluster.workers)) worker.kill('SIGTERM');
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
} else {
  startWorker().catch((err) => {
    console.error('cticache-node failed to start:', err.message);
    process.exit(1);
  });
}
