#include <cstdio>
int main() { std::puts("trajc " TRAJC_VERSION); return 0; }
