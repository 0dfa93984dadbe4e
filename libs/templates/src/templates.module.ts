import { Module } from '@nestjs/common';
import { SimilarityModule } from '@enterpark/similarity';
import { TicketsModule } from '@enterpark/tickets';
import { TemplateUseService } from './application/template-use.service';
import { TemplatesService } from './application/templates.service';
import { TemplateRepository } from './persistence/template.repository';

@Module({
  imports: [SimilarityModule, TicketsModule],
  providers: [TemplateRepository, TemplatesService, TemplateUseService],
  exports: [TemplatesService, TemplateUseService],
})
export class TemplatesModule {}
