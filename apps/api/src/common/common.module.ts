import { Global, Module } from '@nestjs/common';
import { DataLoadersFactory } from './data-loaders';

@Global()
@Module({ providers: [DataLoadersFactory], exports: [DataLoadersFactory] })
export class CommonModule {}
