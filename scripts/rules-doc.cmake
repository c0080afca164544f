# cmake -DACCORD=path/to/accord -DOUT=build/docs/rules.md -P scripts/rules-doc.cmake
# Writes the rule reference from the rule tables (accord rules --format markdown);
# fails the build when accord cannot list its rules.
execute_process(COMMAND ${ACCORD} rules --format markdown
                OUTPUT_FILE ${OUT}.tmp RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "accord rules --format markdown failed (${status})")
endif()
file(RENAME ${OUT}.tmp ${OUT})
