# Builds a fresh index of sample_corpus/ for the end-to-end tests.
file(REMOVE_RECURSE ${DB})
execute_process(COMMAND ${INDEXER} --quiet --db ${DB} ${CORPUS} RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "naba-index exited with ${status} on ${CORPUS}")
endif()
