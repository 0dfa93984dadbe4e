import { Module } from '@nestjs/common';
import { SimilarityModule } from '@enterpark/similarity';
import { TicketsModule } from '@enterpark/tickets';
import { ManageProblemsService } from './application/manage-problems.service';
import { ProblemStatistics } from './application/problem-statistics.service';
import { ProblemSuggestionsService } from './application/problem-suggestions.service';
import { ReadProblemsService } from './application/read-problems.service';
import { ProblemSuggestionRepository } from './persistence/problem-suggestion.repository';
import { ProblemRepository } from './persistence/problem.repository';

@Module({
  imports: [SimilarityModule, TicketsModule],
  providers: [ProblemRepository, ProblemSuggestionRepository, ReadProblemsService, ManageProblemsService, ProblemSuggestionsService, ProblemStatistics],
  exports: [ReadProblemsService, ManageProblemsService, ProblemSuggestionsService, ProblemStatistics],
})
export class ProblemsModule {}
