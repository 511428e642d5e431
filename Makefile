# The two commands of the README. Each sets up what it needs (Node 24, Yarn, dependencies) first.
# `make dev` is the hot-reload variant of `make start` for frontend work.
.PHONY: start test dev
start:
	@./scripts/start.sh
test:
	@./scripts/test.sh
dev:
	@./scripts/dev.sh
