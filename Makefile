# The two commands of the README. Each sets up what it needs (Node 24, Yarn, dependencies) first.
.PHONY: start test
start:
	@./scripts/start.sh
test:
	@./scripts/test.sh
