import { Body, Controller, Get, Put, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Actor } from '@enterpark/common';
import { RankingsService } from '@enterpark/statistics';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { XLSX_TYPE, xlsxDownload } from '../xlsx/xlsx-stream';
import { RANKING_DIMENSION_LABELS, rankingColumns } from './ranking-export';
import { RankingQuery, RankingResponse, RankingWeightsBody, toRankingResponse } from './rankings.dto';

const DEFINITIONS =
  'Tickets submitted in the period (Asia/Shanghai), cancelled ones left out. completionRate = completed or closed ÷ submitted; onTimeRate = completed without an SLA breach ÷ completed; ' +
  'satisfactionRate = confirmations rated ≥ 4 ÷ confirmations; returnRate = tickets ever returned ÷ submitted; avgWorkingDays = mean working days submission → completion. ' +
  'score = 100 × (w.completion × completionRate + w.onTime × onTimeRate + w.satisfaction × satisfactionRate + w.returns × (1 − returnRate)); a rate with no denominator is null ' +
  'and left out of the score, the other weights scaled back up to 1; no rate at all: score and rank null. Equal scores share a rank. Aggregates only: every signed-in role may read.';

@ApiTags('rankings')
@ApiBearerAuth()
@Controller('rankings')
export class RankingsController {
  constructor(private readonly rankings: RankingsService) {}

  @Get()
  @ApiOperation({ summary: 'A league table of zones, desks or providers over a month, quarter or year', description: DEFINITIONS })
  @ApiOkResponse({ type: RankingResponse })
  async read(@Query() query: RankingQuery): Promise<RankingResponse> {
    return toRankingResponse(await this.rankings.read(query));
  }

  @Get('export.xlsx')
  @ApiOperation({ summary: 'The league table GET /rankings answers, as an Excel workbook' })
  @ApiProduces(XLSX_TYPE)
  @ApiOkResponse({ description: 'an .xlsx workbook', schema: { type: 'string', format: 'binary' } })
  async export(@Query() query: RankingQuery): Promise<StreamableFile> {
    const t = await this.rankings.read(query);
    const w = t.weights;
    const notes = [`${t.period.label}，按${RANKING_DIMENSION_LABELS[t.by]}排名；权重：办结率 ${w.completion}、按时办结率 ${w.onTime}、满意率 ${w.satisfaction}、（1−退单率）${w.returns}`];
    return xlsxDownload(`排行榜-${RANKING_DIMENSION_LABELS[t.by]}-${t.period.id}.xlsx`, `rankings-${t.by}-${t.period.id}.xlsx`, [
      { name: '排行榜', columns: rankingColumns(t.by), rows: t.items, notes },
    ]);
  }

  @Get('weights')
  @ApiOperation({ summary: 'The weights the score uses now' })
  @ApiOkResponse({ type: RankingWeightsBody })
  weights(): Promise<RankingWeightsBody> {
    return this.rankings.weights();
  }

  @Put('weights')
  @Roles('coordinator')
  @ApiOperation({ summary: 'Change the score weights (coordinators)', description: 'Each 0–1 with at most three decimals, together exactly 1.' })
  @ApiOkResponse({ type: RankingWeightsBody })
  setWeights(@CurrentActor() actor: Actor, @Body() body: RankingWeightsBody): Promise<RankingWeightsBody> {
    return this.rankings.setWeights({ completion: body.completion, onTime: body.onTime, satisfaction: body.satisfaction, returns: body.returns }, actor.id);
  }
}
