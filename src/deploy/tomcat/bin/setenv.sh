CATALINA_OPTS="-Xms512m -Xmx512m -XX:+UseParallelGC -Dcticache.redis.uri=${REDIS_URI} -Dcticache.tls.required=${TLS_REQUIRED}"
