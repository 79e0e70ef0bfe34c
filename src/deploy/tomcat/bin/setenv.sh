CATALINA_OPTS="-Xms512m -Xmx512m -XX:+UseParallelGC"
