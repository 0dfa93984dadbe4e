import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ReadTicketsService } from './application/read-tickets.service';
import { TicketEntity } from './persistence/ticket.entity';
import { TicketRepository } from './persistence/ticket.repository';

@Module({
  imports: [TypeOrmModule.forFeature([TicketEntity])],
  providers: [TicketRepository, ReadTicketsService],
  exports: [TicketRepository, ReadTicketsService],
})
export class TicketsModule {}
